package dev.multidb.app.migrate;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.migrate.MigrationRow.Kind;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.CleanResult;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway's commands for one database: migrate, seed, info, validate and clean, each returning a
 * value. Schema migrations and seeds are separate Flyway runs with separate history tables.
 */
public final class Migrations {

    private static final String UNREACHABLE = "check that the database is reachable with the migration credentials";

    private final DatabaseDescriptor descriptor;
    private final DatabaseConfig config;
    private final boolean production;

    private Migrations(DatabaseDescriptor descriptor, DatabaseConfig config, boolean production) {
        this.descriptor = descriptor;
        this.config = config;
        this.production = production;
    }

    /** The commands for {@code descriptor}'s database as {@code config} (URL already resolved) reaches it. */
    public static Migrations of(DatabaseDescriptor descriptor, AppConfig config) {
        return new Migrations(descriptor, config.database(descriptor.name()), config.production());
    }

    /** Applies pending migrations. Flyway's lock lets one of several instances migrate; the others then see it done. */
    public MigrateReport migrate() {
        try {
            Flyway flyway = FlywayFactory.schema(descriptor, config, false);
            MigrateResult result = flyway.migrate();
            // Another instance may have applied some of the migrations meanwhile: report where the database is now.
            return new MigrateReport(name(), orEmpty(result.initialSchemaVersion), version(flyway.info().current()),
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            throw MigrationException.from(name(), "migrate", e,
                    "fix the migration or the database, then run migrate again");
        }
    }

    /** Applies seeds not applied yet; needs a fully migrated schema. */
    public SeedReport seed() {
        try {
            MigrationInfoService schema = FlywayFactory.schema(descriptor, config, false).info();
            if (schema.current() == null || schema.pending().length > 0) {
                throw new MigrationException(name() + ": the schema is not migrated (" + schema.pending().length
                        + " pending); run migrate first");
            }
            Flyway flyway = FlywayFactory.seed(descriptor, config);
            MigrateResult result = flyway.migrate();
            return new SeedReport(name(), result.migrationsExecuted, version(flyway.info().current()));
        } catch (FlywayException e) {
            throw MigrationException.from(name(), "seed", e, "fix the seed files or the data, then run seed again");
        }
    }

    /** Schema version, pending migrations and seed state. */
    public InfoReport info() {
        try {
            MigrationInfoService schema = FlywayFactory.schema(descriptor, config, false).info();
            List<MigrationRow> rows = new ArrayList<>(rows(Kind.SCHEMA, schema.all()));
            rows.addAll(rows(Kind.SEED, FlywayFactory.seed(descriptor, config).info().all()));
            return new InfoReport(name(), engine(config.url()), version(schema.current()), descriptor.schemaVersion(),
                    rows);
        } catch (FlywayException e) {
            throw MigrationException.from(name(), "info", e, UNREACHABLE);
        }
    }

    /** Migrations on disk against the history, and the schema version against the generated code. */
    public ValidateReport validate() {
        try {
            Flyway flyway = FlywayFactory.schemaIgnoringPending(descriptor, config);
            ValidateResult result = flyway.validateWithResult();
            String version = version(flyway.info().current());
            List<String> problems = new ArrayList<>();
            drift(version).ifPresent(problems::add);
            if (!result.validationSuccessful) {
                problems.add(flywayProblem(result));
            }
            return new ValidateReport(name(), version, problems);
        } catch (FlywayException e) {
            throw MigrationException.from(name(), "validate", e, UNREACHABLE);
        }
    }

    /** The database's schema version; empty for a database without schema. */
    public String schemaVersion() {
        try {
            return version(FlywayFactory.schema(descriptor, config, false).info().current());
        } catch (FlywayException e) {
            throw MigrationException.from(name(), "info", e, UNREACHABLE);
        }
    }

    /** Why schema version {@code version} does not fit the generated code, if it does not ("what; what to do"). */
    public Optional<String> drift(String version) {
        return SchemaVersionCheck.problem(version, descriptor.schemaVersion());
    }

    /** Drops every object in the database's schema, both histories included. Refused in production. */
    public CleanReport clean() {
        if (production) {
            throw new MigrationException(name() + ": clean is refused in production; it would drop every object in"
                    + " the database, use the database's own tools if you really mean it");
        }
        try {
            CleanResult result = FlywayFactory.schema(descriptor, config, true).clean();
            List<String> schemas = new ArrayList<>(result.schemasCleaned);
            schemas.addAll(result.schemasDropped);
            return new CleanReport(name(), schemas);
        } catch (FlywayException e) {
            throw MigrationException.from(name(), "clean", e, "check the database and the migration credentials");
        }
    }

    private String name() {
        return descriptor.name();
    }

    private static List<MigrationRow> rows(Kind kind, MigrationInfo[] infos) {
        List<MigrationRow> rows = new ArrayList<>();
        for (MigrationInfo info : infos) {
            // The seed history's baseline row is bookkeeping, not a seed.
            if (info.getType() == CoreMigrationType.BASELINE) {
                continue;
            }
            rows.add(new MigrationRow(kind, info.getVersion() == null ? "" : info.getVersion().getVersion(),
                    info.getDescription(), info.getState().getDisplayName(), !info.getState().isApplied(),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant()));
        }
        return rows;
    }

    private static String flywayProblem(ValidateResult result) {
        // The overall message only says that validation failed; each invalid migration says why.
        String message = result.invalidMigrations.stream()
                .filter(m -> m.errorDetails != null && m.errorDetails.errorMessage != null)
                .map(m -> m.errorDetails.errorMessage)
                .findFirst()
                .orElse(result.errorDetails == null ? "" : String.valueOf(result.errorDetails.errorMessage));
        String first = message.lines().findFirst().orElse("").strip();
        return "the migrations on disk do not match the history (" + first.replace(';', ',')
                + "); restore the changed or missing migration files";
    }

    private static String version(MigrationInfo current) {
        // The seed history's baseline (version 0) is where seeding starts, not a seed.
        boolean none = current == null || current.getType() == CoreMigrationType.BASELINE;
        MigrationVersion version = none ? null : current.getVersion();
        return version == null ? "" : version.getVersion();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    // ConfigLoader refuses every URL of no known engine before a command runs.
    static String engine(String url) {
        return Engine.ofUrl(url).map(Engine::id).orElseThrow(() -> new IllegalArgumentException("no engine multidb knows"));
    }
}
