package dev.multidb.codegen;

import dev.multidb.codegen.engines.ProvisionedDatabase;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/** Applies the module's Flyway migrations, the same files the app runs, to the provisioned database. */
final class Migrator {

    private Migrator() {
    }

    /** Migrates and returns the latest applied version ("0" when there are no migrations). */
    static String migrate(ProvisionedDatabase database, Path migrations) throws MigrationFailedException {
        Flyway flyway = Flyway.configure(Migrator.class.getClassLoader())
                // Through Maven's own logger, so -q quiets Flyway as it quiets everything else.
                .loggers("slf4j")
                .dataSource(database.url(), database.user(), database.password())
                .locations("filesystem:" + migrations.toAbsolutePath())
                .failOnMissingLocations(false)
                .load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw new MigrationFailedException(describe(e), e);
        }
        if (result.targetSchemaVersion != null) {
            return result.targetSchemaVersion; // the last migration applied: a fresh database
        }
        // Nothing versioned was applied: an existing server already migrated, or no versioned migrations.
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
    }

    // Names the file and line and quotes the engine's own message, without Flyway's multi-line report.
    static String describe(FlywayException failure) {
        FlywaySqlScriptException script = find(failure, FlywaySqlScriptException.class);
        if (script != null) {
            String file = script.getResource() == null ? "?" : script.getResource().getFilename();
            String engine = script.getCause() == null ? script.getMessage() : script.getCause().getMessage();
            return "Migration " + file + " failed at line " + script.getLineNumber() + ": " + engine;
        }
        FlywayMigrateException migrate = find(failure, FlywayMigrateException.class);
        if (migrate != null && migrate.getMigration() != null) {
            return "Migration " + migrate.getMigration().getScript() + " failed at line " + migrate.getLineNumber()
                    + ": " + firstLine(migrate.getMessage());
        }
        return "Migration failed: " + firstLine(failure.getMessage());
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("");
    }

    /** A migration the engine refused; the message names the file, the line and the engine's words. */
    static final class MigrationFailedException extends Exception {
        MigrationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
