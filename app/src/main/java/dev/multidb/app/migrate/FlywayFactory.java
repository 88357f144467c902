package dev.multidb.app.migrate;

import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.DatabaseDescriptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Flyway configured for one database, always with its migration credentials and on its migration URL. */
final class FlywayFactory {

    /** Seeds keep their own history, so seeding never mixes with schema history. */
    static final String SEED_HISTORY_TABLE = "flyway_seed_history";

    private FlywayFactory() {
    }

    /** Flyway over the schema migrations; {@code cleanAllowed} only for the clean command. */
    static Flyway schema(DatabaseDescriptor descriptor, DatabaseConfig config, boolean cleanAllowed) {
        return base(config)
                .locations(descriptor.migrationLocation())
                .cleanDisabled(!cleanAllowed)
                .load();
    }

    /** Flyway over the seeds, in a schema that migrations have already filled. */
    static Flyway seed(DatabaseDescriptor descriptor, DatabaseConfig config) {
        return base(config)
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
    static Flyway schemaIgnoringPending(DatabaseDescriptor descriptor, DatabaseConfig config) {
        return base(config)
                .locations(descriptor.migrationLocation())
                .ignoreMigrationPatterns("*:pending")
                .cleanDisabled(true)
                .load();
    }

    private static FluentConfiguration base(DatabaseConfig config) {
        return Flyway.configure(FlywayFactory.class.getClassLoader())
                .dataSource(config.migrationJdbcUrl(), config.migrationUser(), config.migrationPassword().value())
                .loggers("slf4j");
    }
}
