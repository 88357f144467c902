package dev.multidb.app.migrate;

import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.DatabaseDescriptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Flyway configured for one database: its migration credentials, its migration URL and its deadline. */
final class FlywayFactory {

    /** Seeds keep their own history, so seeding never mixes with schema history. */
    static final String SEED_HISTORY_TABLE = "flyway_seed_history";

    private final DatabaseDescriptor descriptor;
    private final DatabaseConfig config;
    private final RemoteH2Guard guard;

    FlywayFactory(DatabaseDescriptor descriptor, DatabaseConfig config, RemoteH2Guard guard) {
        this.descriptor = descriptor;
        this.config = config;
        this.guard = guard;
    }

    /** Flyway over the schema migrations; {@code cleanAllowed} only for clean and reset. */
    Flyway schema(boolean cleanAllowed) {
        return base().locations(descriptor.migrationLocation()).cleanDisabled(!cleanAllowed).load();
    }

    /** Flyway over the schema migrations up to {@code target} ("latest" for all), for reset. */
    Flyway schemaUpTo(String target) {
        return base().locations(descriptor.migrationLocation()).target(target).cleanDisabled(true).load();
    }

    /** Flyway that starts the schema history of an existing schema at {@code version}, for baseline. */
    Flyway baseline(String version, String description) {
        return base().locations(descriptor.migrationLocation())
                .baselineVersion(version)
                .baselineDescription(description)
                .cleanDisabled(true)
                .load();
    }

    /** Flyway over the seeds, in a schema that migrations have already filled. */
    Flyway seed() {
        return base()
                .locations(descriptor.seedLocation())
                .table(SEED_HISTORY_TABLE)
                // The schema is never empty when seeds run; without a baseline Flyway refuses to start a
                // history there. Version 0 keeps every seed (V1 onwards) above the baseline.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("seed history started")
                .cleanDisabled(true)
                .load();
    }

    /** Flyway over the schema migrations that ignores those not applied yet: they are the version check's business. */
    Flyway schemaIgnoringPending() {
        return base()
                .locations(descriptor.migrationLocation())
                .ignoreMigrationPatterns("*:pending")
                .cleanDisabled(true)
                .load();
    }

    private FluentConfiguration base() {
        return Flyway.configure(FlywayFactory.class.getClassLoader())
                .dataSource(config.migrationJdbcUrl(), config.migrationUser(), config.migrationPassword().value())
                .jdbcProperties(DriverTimeouts.properties(config))
                // One attempt, then the command's own one-line error: a retry loop would wait without a word.
                .connectRetries(0)
                .callbacks(guard)
                .loggers(FlywayLog.class.getName());
    }
}
