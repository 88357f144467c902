package dev.multidb.app.migrate;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.migrate.MigrationRow.Kind;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.CleanResult;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway's commands for one database: migrate, seed, info, validate, clean, reset and baseline, each
 * returning a value. Schema migrations and seeds are separate Flyway runs with separate history tables.
 */
public final class Migrations {

    private static final String UNREACHABLE = "check that the database is reachable with the migration credentials";

    private final DatabaseDescriptor descriptor;
    private final DatabaseConfig config;
    private final boolean production;
    private final RemoteH2Guard guard;
    private final FlywayFactory flyway;
    private final MigrationFailures failures;

    private Migrations(DatabaseDescriptor descriptor, DatabaseConfig config, boolean production) {
        this.descriptor = descriptor;
        this.config = config;
        this.production = production;
        this.guard = new RemoteH2Guard(config);
        this.flyway = new FlywayFactory(descriptor, config, guard);
        this.failures = new MigrationFailures(config);
    }

    /** The commands for {@code descriptor}'s database as {@code config} (URL already resolved) reaches it. */
    public static Migrations of(DatabaseDescriptor descriptor, AppConfig config) {
        return new Migrations(descriptor, config.database(descriptor.name()), config.production());
    }

    /** Applies pending migrations. Flyway's lock lets one of several instances migrate; the others then see it done. */
    public MigrateReport migrate() {
        return bounded("migrate", "check the database, then run migrate again", () -> {
            Flyway schema = flyway.schema(false);
            MigrateResult result = schema.migrate();
            // Another instance may have applied some of the migrations meanwhile: report where the database is now.
            return new MigrateReport(name(), orEmpty(result.initialSchemaVersion), schemaVersion(schema),
                    result.migrationsExecuted);
        });
    }

    /** Applies seeds not applied yet; needs a fully migrated schema. */
    public SeedReport seed() {
        return bounded("seed", "check the database, then run seed again", () -> {
            MigrationInfoService schema = flyway.schema(false).info();
            if (schema.current() == null || schema.pending().length > 0) {
                throw new MigrationException(name() + ": the schema is not migrated (" + schema.pending().length
                        + " pending)", "run migrate first");
            }
            Flyway seeds = flyway.seed();
            MigrateResult result = seeds.migrate();
            return new SeedReport(name(), result.migrationsExecuted,
                    FlywayInfo.version(seeds.info().current(), Kind.SEED));
        });
    }

    /** Schema version, pending migrations and seed state. */
    public InfoReport info() {
        return bounded("info", UNREACHABLE, () -> {
            MigrationInfoService schema = flyway.schema(false).info();
            List<MigrationRow> rows = new ArrayList<>(FlywayInfo.rows(Kind.SCHEMA, schema.all()));
            rows.addAll(FlywayInfo.rows(Kind.SEED, flyway.seed().info().all()));
            return new InfoReport(name(), engine(config.url()), FlywayInfo.version(schema.current(), Kind.SCHEMA),
                    descriptor.schemaVersion(), rows);
        });
    }

    /** Migrations on disk against the history, and the schema version against the generated code. */
    public ValidateReport validate() {
        return bounded("validate", UNREACHABLE, () -> {
            Flyway schema = flyway.schemaIgnoringPending();
            ValidateResult result = schema.validateWithResult();
            String version = schemaVersion(schema);
            List<String> problems = new ArrayList<>();
            drift(version).ifPresent(problems::add);
            if (!result.validationSuccessful) {
                problems.add("the migrations on disk do not match the history (" + FlywayInfo.problem(result)
                        + "); restore the changed or missing migration files");
            }
            return new ValidateReport(name(), version, problems);
        });
    }

    /** The database's schema version; empty for a database without schema. */
    public String schemaVersion() {
        return bounded("info", UNREACHABLE, () -> schemaVersion(flyway.schema(false)));
    }

    /** Why schema version {@code version} does not fit the generated code, if it does not ("what; what to do"). */
    public Optional<String> drift(String version) {
        return SchemaVersionCheck.problem(version, descriptor.schemaVersion());
    }

    /** Drops every object in the database's schema, both histories included. Refused in production. */
    public CleanReport clean() {
        refuseInProduction("clean");
        return bounded("clean", "check the database and the migration credentials", () -> {
            CleanResult result = flyway.schema(true).clean();
            List<String> schemas = new ArrayList<>(result.schemasCleaned);
            schemas.addAll(result.schemasDropped);
            return new CleanReport(name(), schemas);
        });
    }

    /**
     * Cleans the database, migrates it up to {@code target} (all migrations when empty) and seeds it when asked.
     * Refused in production; an unknown version or seeds on a partial schema are refused before anything changes.
     */
    public ResetReport reset(Optional<String> target, boolean seed) {
        refuseInProduction("reset");
        checkTarget(target, seed);
        clean();
        MigrateReport migrated = bounded("reset", "check the database, then run reset again", () -> {
            Flyway schema = flyway.schemaUpTo(target.orElse("latest"));
            MigrateResult result = schema.migrate();
            return new MigrateReport(name(), "", schemaVersion(schema), result.migrationsExecuted);
        });
        return new ResetReport(name(), migrated.toVersion(), migrated.applied(),
                seed ? Optional.of(seed()) : Optional.empty());
    }

    /** Starts the schema history of an existing schema at {@code version}; refused when there is a history. */
    public BaselineReport baseline(String version, String description) {
        return bounded("baseline", "check the database and the migration credentials", () -> {
            MigrationInfoService history = flyway.schema(false).info();
            if (history.applied().length > 0) {
                throw new MigrationException(name() + ": the database already has a schema history (schema version "
                        + FlywayInfo.version(history.current(), Kind.SCHEMA) + "), and baseline only adopts a"
                        + " database without one", "run migrate to apply the later migrations");
            }
            flyway.baseline(version, description).baseline();
            return new BaselineReport(name(), version, description);
        });
    }

    private void checkTarget(Optional<String> target, boolean seed) {
        List<String> versions = bounded("reset", UNREACHABLE, () -> Arrays.stream(flyway.schema(false).info().all())
                .filter(m -> m.getVersion() != null).map(m -> m.getVersion().getVersion()).toList());
        if (target.isPresent() && !versions.contains(target.get())) {
            throw new MigrationException(name() + ": no migration has version " + target.get() + " (versions: "
                    + String.join(", ", versions) + ")", "give one of them to --to, or leave --to out for all (nothing"
                    + " was changed)");
        }
        if (seed && target.isPresent() && !target.get().equals(versions.getLast())) {
            throw new MigrationException(name() + ": seeds need every migration applied, but --to " + target.get()
                    + " stops before " + versions.getLast(), "leave --seed or --to out (nothing was changed)");
        }
    }

    private void refuseInProduction(String command) {
        if (production) {
            throw new MigrationException(name() + ": " + command + " is refused in production", "it would drop every"
                    + " object in the database, use the database's own tools if you really mean it");
        }
    }

    // Every Flyway call: bounded for a remote H2 server, its failure sorted by cause into one line.
    private <T> T bounded(String operation, String otherwise, Supplier<T> work) {
        try {
            return guard.run(work);
        } catch (FlywayException e) {
            throw failures.explain(operation, e, otherwise);
        } catch (RemoteH2Guard.StalledException e) {
            throw failures.stalled(operation, e);
        }
    }

    private static String schemaVersion(Flyway schema) {
        return FlywayInfo.version(schema.info().current(), Kind.SCHEMA);
    }

    private String name() {
        return descriptor.name();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    // ConfigLoader refuses every URL of no known engine before a command runs.
    static String engine(String url) {
        return Engine.ofUrl(url).map(Engine::id).orElseThrow(() -> new IllegalArgumentException("no engine multidb knows"));
    }
}
