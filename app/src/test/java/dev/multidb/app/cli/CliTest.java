package dev.multidb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.multidb.app.TestDatabases;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DialectResolver;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR);

    @TempDir
    Path data;

    @Test
    void helpListsEveryCommand() {
        CliRun help = run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar app/target/app.jar [-h] [COMMAND]")
                .contains("serve", "migrate", "seed", "info", "validate", "clean", "reset", "baseline");
    }

    @Test
    void helpFitsEightyColumnsAndItsConfigurationParagraphReadsWhole() {
        CliRun help = run("--help");

        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(80));
        assertThat(help.out().replaceAll("\\s*\\R\\s*", " ")).contains("Configuration: application.conf, then the"
                + " block of the environment that APP_ENV names (development, the default, test or production), then"
                + " environment variables, each named after its setting: HTTP_PORT, DATA_DIRECTORY, MIGRATE_ON_START,"
                + " SEED_ON_START, LOG_LEVEL, and for each database DATABASE1_URL, DATABASE1_USER, DATABASE1_PASSWORD,"
                + " DATABASE1_POOL_SIZE and so on.");
    }

    @Test
    void seedHelpSaysItIsRefusedInProductionUnlessYes() {
        assertThat(run("seed", "--help").out().replaceAll("\\s+", " "))
                .contains("Refused in production unless --yes.")
                .contains("--yes Confirm seeding in production, where it is refused otherwise.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "migrate", "seed", "info", "validate", "clean", "reset", "baseline"})
    void everyCommandHasHelp(String command) {
        CliRun help = run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar app/target/app.jar " + command);
    }

    @Test
    void migrateTwiceAppliesEachMigrationOnce() {
        CliRun first = run("migrate");
        CliRun second = run("migrate");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("""
                database1: migrated from schema version none to 2 (2 migrations applied)
                database2: migrated from schema version none to 2 (2 migrations applied)
                """);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo("""
                database1: up to date at schema version 2
                database2: up to date at schema version 2
                """);
    }

    @Test
    void migrateWithADatabaseNameTouchesOnlyThatDatabase() {
        CliRun migrate = run("migrate", "-d", "database2");

        assertThat(migrate.out())
                .isEqualTo("database2: migrated from schema version none to 2 (2 migrations applied)\n");
        assertThat(data.resolve("database1")).doesNotExist();
    }

    @Test
    void seedIsAppliedOnceAndShownByInfo() {
        run("migrate");

        CliRun seed = run("seed", "-d", "database1");
        CliRun again = run("seed", "-d", "database1");
        CliRun info = run("info", "-d", "database1");

        assertThat(seed.out()).isEqualTo("database1: seeded to version 1 (1 seed applied)\n");
        assertThat(again.out()).isEqualTo("database1: seeds up to date\n");
        assertThat(info.out()).containsPattern("\n  seed +1 +sample customers +Success +\\d{4}-\\d\\d-\\d\\d ");
    }

    @Test
    void infoShowsEachDatabasesVersionAndPendingWork() {
        run("migrate", "-d", "database2");

        CliRun info = run("info");

        assertThat(info.exitCode()).isZero();
        assertThat(info.out())
                .contains("database1 (postgresql): schema version none, code expects 2; 2 pending migrations;"
                        + " seeds: 0 applied, 1 pending\n"
                        + "  kind    version  description             state    installed on (UTC)\n"
                        + "  schema  1        create customer         Pending\n"
                        + "  schema  2        create idempotency key  Pending\n"
                        + "  seed    1        sample customers        Pending\n")
                .contains("database2 (h2): schema version 2, code expects 2; 0 pending migrations;"
                        + " seeds: 0 applied, 1 pending\n");
    }

    @Test
    void validatePassesWhenEveryDatabaseMatchesTheCode() {
        run("migrate");

        CliRun validate = run("validate");

        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).isEqualTo("""
                database1: valid at schema version 2
                database2: valid at schema version 2
                """);
    }

    @Test
    void validateFailsOnADatabaseWhoseVersionDiffersFromTheCode() {
        run("migrate");
        List<DatabaseDescriptor> newerCode =
                List.of(Database1.DESCRIPTOR, TestDatabases.expecting(Database2.DESCRIPTOR, "3"));

        CliRun validate = CliRun.run(newerCode, env(), "validate");

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).endsWith("database2: INVALID: schema version 2 is older than the code, which"
                + " expects 3; run migrate\n");
        assertThat(validate.err()).isEqualTo("multidb: validate found 1 invalid database (database2); see its"
                + " INVALID line on standard output for what to do\n");
    }

    @Test
    void cleanEmptiesTheNamedDatabaseOnly() {
        run("migrate");

        CliRun clean = run("clean", "-d", "database2", "--yes");

        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).isEqualTo("database2: cleaned schema PUBLIC\n");
        assertThat(run("info").out()).contains("database2 (h2): schema version none")
                .contains("database1 (postgresql): schema version 2");
    }

    @Test
    void cleanWithoutYesIsAUsageError() {
        CliRun clean = run("clean", "-d", "database2");

        assertThat(clean.exitCode()).isEqualTo(2);
        assertThat(clean.err()).isEqualTo("multidb: clean drops every object in a database, so it needs both"
                + " -d NAME and --yes; run: clean -d NAME --yes\n");
    }

    @Test
    void cleanWithoutADatabaseIsAUsageError() {
        assertThat(run("clean", "--yes").exitCode()).isEqualTo(2);
    }

    @Test
    void cleanIsRefusedInProduction() {
        Map<String, String> production = Map.of("APP_ENV", "production",
                "DATABASE1_URL", "jdbc:postgresql://localhost:1/app", "DATABASE2_URL", "jdbc:h2:mem:prod");

        CliRun clean = CliRun.run(DATABASES, production, "clean", "-d", "database1", "--yes");

        assertThat(clean.exitCode()).isEqualTo(1);
        assertThat(clean.err()).isEqualTo("multidb: database1: clean is refused in production; it would drop every"
                + " object in the database, use the database's own tools if you really mean it\n");
    }

    @Test
    void unknownDatabaseIsAUsageErrorNamingTheKnownOnes() {
        CliRun migrate = run("migrate", "-d", "database9");

        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err())
                .isEqualTo("multidb: unknown database 'database9'; use one of: database1, database2\n");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        CliRun migrate = run("migrate", "--everything");

        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err()).isEqualTo("multidb: Unknown option: '--everything'; run"
                + " 'java -jar app/target/app.jar migrate --help' for usage\n");
    }

    @Test
    void badConfigurationValueIsAUsageErrorNamingTheVariable() {
        Map<String, String> env = new HashMap<>(env());
        env.put("DATABASE1_POOL_SIZE", "abc");

        CliRun info = CliRun.run(DATABASES, env, "info");

        assertThat(info.exitCode()).isEqualTo(2);
        assertThat(info.err()).isEqualTo("multidb: DATABASE1_POOL_SIZE is 'abc', not a whole number; set it to a"
                + " number from 1 to 10000\n");
    }

    @Test
    void unreachableDatabaseFailsOnOneLineWithoutItsPassword() {
        Map<String, String> env = new HashMap<>(env());
        env.put("DATABASE1_URL", "jdbc:postgresql://localhost:1/app");
        env.put("DATABASE1_MIGRATION_USER", "owner");
        env.put("DATABASE1_MIGRATION_PASSWORD", "hunter2-owner");

        CliRun info = CliRun.run(DATABASES, env, "info", "-d", "database1");

        assertThat(info.exitCode()).isEqualTo(1);
        assertThat(info.err()).startsWith("multidb: database1: info failed: ").endsWith("; check the host and port in"
                + " DATABASE1_URL and that the server is running\n").doesNotContain("hunter2").hasLineCount(1);
    }

    @Test
    void h2UrlOutsideSqlServerModeIsRefusedForDatabase2() {
        Map<String, String> env = new HashMap<>(env());
        env.put("DATABASE2_URL", "jdbc:h2:mem:plain");

        CliRun migrate = CliRun.run(DATABASES, env, "migrate", "-d", "database2");

        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err()).isEqualTo("multidb: DATABASE2_URL is an H2 URL without MODE=MSSQLServer, but"
                + " database2 is written for SQL Server; add ;MODE=MSSQLServer to it\n");
    }

    @Test
    void sqlServerUrlIsRefusedWithOpenSourceJooqBeforeServeTouchesAnyDatabase() {
        assumeTrue(DialectResolver.byName("SQLSERVER").isEmpty(), "this build's jOOQ edition has a SQL Server dialect");
        Map<String, String> env = new HashMap<>(env());
        env.put("DATABASE2_URL", "jdbc:sqlserver://localhost:1;databaseName=app");

        CliRun serve = CliRun.run(DATABASES, env, "serve");

        assertThat(serve.exitCode()).isEqualTo(1);
        assertThat(serve.err()).isEqualTo("multidb: database2: jOOQ Open Source Edition has no SQL Server dialect."
                + " Build with -Djooq.groupId=org.jooq.pro (licensed) or point DATABASE2_URL at H2.\n");
        assertThat(data.resolve("database1")).doesNotExist();
    }

    @Test
    void engineMessageWithASemicolonIsPrintedAsTheEngineWroteIt() {
        DatabaseDescriptor raising = new DatabaseDescriptor("database1", Database1.DESCRIPTOR.engine(),
                "classpath:db/raising/migration", Database1.DESCRIPTOR.seedLocation(), "1");

        CliRun migrate = CliRun.run(List.of(raising), env(), "migrate");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err()).isEqualTo("multidb: database1: migrate failed: V1__raise.sql at line 2: ERROR: no"
                + " customers; add one first; fix the migration V1__raise.sql, then run migrate again\n");
    }

    @Test
    void unknownLogLevelIsAConfigurationError() {
        Map<String, String> env = new HashMap<>(env());
        env.put("LOG_LEVEL", "verbose");

        CliRun info = CliRun.run(DATABASES, env, "info");

        assertThat(info.exitCode()).isEqualTo(2);
        assertThat(info.err()).isEqualTo("multidb: LOG_LEVEL is 'verbose', not a log level; set it to TRACE, DEBUG,"
                + " INFO, WARN, ERROR or OFF, in any case\n");
    }

    @Test
    void logLevelDebugReachesFlywaysLogger() {
        Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
        Level before = flyway.getLevel();
        Map<String, String> env = new HashMap<>(env());
        env.put("LOG_LEVEL", "debug");
        try {
            CliRun.run(DATABASES, env, "migrate", "-d", "database2");

            assertThat(flyway.isDebugEnabled()).isTrue();
        } finally {
            flyway.setLevel(before);
        }
    }

    @Test
    void productionReportsEveryMissingUrlAtOnce() {
        CliRun migrate = CliRun.run(DATABASES, Map.of("APP_ENV", "production"), "migrate");

        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err()).isEqualTo("multidb: 2 configuration problems: DATABASE1_URL is required in"
                + " production (set it to the database's JDBC URL, starting with jdbc:postgresql:, jdbc:sqlserver: or"
                + " jdbc:h2:), DATABASE2_URL is required in production (set it to the database's JDBC URL, starting"
                + " with jdbc:postgresql:, jdbc:sqlserver: or jdbc:h2:); fix them all, then run again\n");
    }

    @Test
    void productionCommandOnOneDatabaseNeedsOnlyThatDatabasesUrl() {
        Map<String, String> production = Map.of("APP_ENV", "production",
                "DATABASE2_URL", "jdbc:h2:file:" + data.resolve("prod").toAbsolutePath() + ";MODE=MSSQLServer",
                "DATABASE2_USER", "sa");

        CliRun migrate = CliRun.run(DATABASES, production, "migrate", "-d", "database2");

        assertThat(migrate.err()).isEmpty();
        assertThat(migrate.out()).isEqualTo("database2: migrated from schema version none to 2 (2 migrations applied)\n");
    }

    @Test
    void seedIsRefusedInProductionWithoutYesAndAppliedWithIt() {
        Map<String, String> production = Map.of("APP_ENV", "production",
                "DATABASE2_URL", "jdbc:h2:file:" + data.resolve("prod").toAbsolutePath() + ";MODE=MSSQLServer",
                "DATABASE2_USER", "sa");
        CliRun.run(DATABASES, production, "migrate", "-d", "database2");

        CliRun refused = CliRun.run(DATABASES, production, "seed", "-d", "database2");
        CliRun confirmed = CliRun.run(DATABASES, production, "seed", "-d", "database2", "--yes");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("multidb: seed is refused in production, where seeds would add sample"
                + " data; run seed --yes if you really mean it\n");
        assertThat(refused.out()).isEmpty();
        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.out()).isEqualTo("database2: seeded to version 1 (1 seed applied)\n");
    }

    private CliRun run(String... args) {
        return CliRun.run(DATABASES, env(), args);
    }

    private Map<String, String> env() {
        return TestDatabases.env(data);
    }
}
