package dev.multidb.app.migrate;

import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** Schema drift: the database's schema version against the one the generated classes were built from. */
final class SchemaVersionCheck {

    private SchemaVersionCheck() {
    }

    /** Why {@code actual} does not fit the code expecting {@code expected}; empty when it does. */
    static Optional<String> problem(String actual, String expected) {
        if (actual.isEmpty()) {
            return Optional.of("the database has no schema yet, the code expects version " + expected
                    + "; run migrate");
        }
        int order = MigrationVersion.fromVersion(actual).compareTo(MigrationVersion.fromVersion(expected));
        if (order < 0) {
            return Optional.of("schema version " + actual + " is older than the code, which expects " + expected
                    + "; run migrate");
        }
        if (order > 0) {
            return Optional.of("schema version " + actual + " is newer than the code, which expects " + expected
                    + "; deploy the build that matches the database");
        }
        return Optional.empty();
    }
}
