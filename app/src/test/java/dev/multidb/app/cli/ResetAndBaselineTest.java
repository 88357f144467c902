package dev.multidb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.TestDatabases;
import dev.multidb.core.DatabaseDescriptor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reset and baseline against the sample module (V1, V2, one seed) on an H2 file database in SQL Server mode. */
class ResetAndBaselineTest {

    private static final List<DatabaseDescriptor> SAMPLE = List.of(TestDatabases.SAMPLE_ON_H2);

    @TempDir
    Path data;

    @Test
    void resetToAVersionLeavesTheSchemaAtThatVersion() {
        run("migrate");

        CliRun reset = run("reset", "-d", "database2", "--to", "1", "--yes");

        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).isEqualTo("database2: reset to schema version 1 (1 migration applied)\n");
        assertThat(run("info").out()).startsWith("database2 (h2): schema version 1, code expects 2; 1 pending migration;");
    }

    @Test
    void resetWithSeedMigratesEverythingThenSeeds() {
        run("migrate");
        run("seed");

        CliRun reset = run("reset", "-d", "database2", "--seed", "--yes");

        assertThat(reset.exitCode()).isZero();
        assertThat(reset.out()).isEqualTo("""
                database2: reset to schema version 2 (2 migrations applied)
                database2: seeded to version 1 (1 seed applied)
                """);
    }

    @Test
    void resetToAnUnknownVersionChangesNothing() {
        run("migrate");

        CliRun reset = run("reset", "-d", "database2", "--to", "9", "--yes");

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.err()).isEqualTo("multidb: database2: no migration has version 9 (versions: 1, 2); give one"
                + " of them to --to, or leave --to out for all (nothing was changed)\n");
        assertThat(run("info").out()).startsWith("database2 (h2): schema version 2,");
    }

    @Test
    void resetWithoutYesIsAUsageError() {
        CliRun reset = run("reset", "-d", "database2", "--to", "1");

        assertThat(reset.exitCode()).isEqualTo(2);
        assertThat(reset.err()).isEqualTo("multidb: reset drops every object in a database, so it needs both -d NAME"
                + " and --yes; run: reset -d NAME [--to VERSION] [--seed] --yes\n");
    }

    @Test
    void resetIsRefusedInProduction() {
        Map<String, String> production = Map.of("APP_ENV", "production", "DATABASE2_URL", h2Url(), "DATABASE2_USER", "sa");
        CliRun.run(SAMPLE, production, "migrate");

        CliRun reset = CliRun.run(SAMPLE, production, "reset", "-d", "database2", "--yes");

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.err()).isEqualTo("multidb: database2: reset is refused in production; it would drop every"
                + " object in the database, use the database's own tools if you really mean it\n");
        assertThat(CliRun.run(SAMPLE, production, "info").out()).startsWith("database2 (h2): schema version 2,");
    }

    @Test
    void baselineAdoptsAnExistingSchemaSoMigrateAppliesOnlyLaterMigrations() throws SQLException {
        Map<String, String> env = external();
        // The schema an older tool made by hand, matching V1 of the sample migrations.
        try (Connection connection = DriverManager.getConnection(h2Url(), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table note (id int not null primary key, body varchar(200) not null)");
        }

        CliRun baseline = CliRun.run(SAMPLE, env, "baseline", "-d", "database2", "--version", "1");
        CliRun migrate = CliRun.run(SAMPLE, env, "migrate");

        assertThat(baseline.exitCode()).isZero();
        assertThat(baseline.out()).isEqualTo("database2: baselined at schema version 1 (adopted by baseline);"
                + " migrate applies only later migrations\n");
        assertThat(migrate.err()).isEmpty();
        assertThat(migrate.out()).isEqualTo("database2: migrated from schema version 1 to 2 (1 migration applied)\n");
    }

    @Test
    void infoCountsNoMigrationBelowTheBaselineAsPending() {
        Map<String, String> env = external();

        CliRun.run(SAMPLE, env, "baseline", "-d", "database2", "--version", "1");

        assertThat(CliRun.run(SAMPLE, env, "info").out()).startsWith("database2 (h2): schema version 1, code expects 2;"
                + " 1 pending migration;");
    }

    @Test
    void baselineIsRefusedWhenTheDatabaseHasAHistory() {
        Map<String, String> env = external();
        CliRun.run(SAMPLE, env, "migrate");

        CliRun baseline = CliRun.run(SAMPLE, env, "baseline", "-d", "database2", "--version", "1",
                "--description", "legacy schema");

        assertThat(baseline.exitCode()).isEqualTo(1);
        assertThat(baseline.err()).isEqualTo("multidb: database2: the database already has a schema history (schema"
                + " version 2), and baseline only adopts a database without one; run migrate to apply the later"
                + " migrations\n");
    }

    @Test
    void baselineWithoutAVersionIsAUsageError() {
        CliRun baseline = run("baseline", "-d", "database2");

        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).isEqualTo("multidb: baseline needs the database and the version its schema is at;"
                + " run: baseline -d NAME --version N [--description TEXT]\n");
    }

    @Test
    void baselineWithAVersionThatIsNoNumberIsAUsageError() {
        CliRun baseline = run("baseline", "-d", "database2", "--version", "one");

        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).isEqualTo("multidb: --version 'one' is not a migration version; give the number"
                + " of the last migration the schema matches, e.g. --version 1\n");
    }

    private Map<String, String> external() {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("DATABASE2_URL", h2Url());
        env.put("DATABASE2_USER", "sa");
        return env;
    }

    private String h2Url() {
        return "jdbc:h2:file:" + data.resolve("adopted").toAbsolutePath() + ";MODE=MSSQLServer";
    }

    private CliRun run(String... args) {
        return CliRun.run(SAMPLE, TestDatabases.env(data), args);
    }
}
