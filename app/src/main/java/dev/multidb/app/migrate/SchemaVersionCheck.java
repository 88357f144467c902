package dev.multidb.app.migrate;

import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** Schema drift: the database's schema version against the one the generated classes were built from. */
public final class SchemaVersionCheck {

    private SchemaVersionCheck() {
    }

    /** Why {@code actual} does not fit the code expecting {@code expected}; empty when it does. */
    public static Optional<String> problem(String actual, String expected) {
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

    /**
     * Why a database at {@code actual} cannot serve code expecting {@code expected}: no schema yet or an older one.
     * Empty otherwise, also for a newer schema, which is served (a rolling deploy has one side ahead).
     */
    public static Optional<String> behind(String actual, String expected) {
        if (actual.isEmpty()
                || MigrationVersion.fromVersion(actual).compareTo(MigrationVersion.fromVersion(expected)) < 0) {
            return problem(actual, expected);
        }
        return Optional.empty();
    }
}
