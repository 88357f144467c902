package dev.multidb.app.cli;

import static dev.multidb.app.TestDatabases.SAMPLE_ON_POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.testing.PostgresForClass;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway commands connect to DATABASE1_MIGRATION_URL, so they work where the app's own URL (a pooler in
 * transaction mode, where Flyway's advisory lock would not hold) is not fit for them. Here the app's URL
 * leads nowhere at all: every command that succeeds went through the migration URL.
 */
class MigrationUrlTest {

    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:9/postgres?connectTimeout=1";

    @RegisterExtension
    static final PostgresForClass POSTGRES = new PostgresForClass();

    @TempDir
    Path data;

    @Test
    void migrateSeedInfoAndValidateRunOnTheMigrationUrl() {
        Map<String, String> env = env();

        List<Integer> exits = List.of(
                CliRun.run(List.of(SAMPLE_ON_POSTGRES), env, "migrate").exitCode(),
                CliRun.run(List.of(SAMPLE_ON_POSTGRES), env, "seed").exitCode(),
                CliRun.run(List.of(SAMPLE_ON_POSTGRES), env, "validate").exitCode());
        CliRun info = CliRun.run(List.of(SAMPLE_ON_POSTGRES), env, "info");

        assertThat(exits).containsExactly(0, 0, 0);
        assertThat(info.out()).contains("database1 (postgresql): schema version 2, code expects 2; 0 pending"
                + " migrations; seeds: 1 applied, 0 pending");
    }

    @Test
    void withoutAMigrationUrlMigrateUsesTheAppsUrl() {
        Map<String, String> env = env();
        env.remove("DATABASE1_MIGRATION_URL");

        CliRun migrate = CliRun.run(List.of(SAMPLE_ON_POSTGRES), env, "migrate");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err()).startsWith("multidb: database1:");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("DATABASE1_URL", NOWHERE);
        env.put("DATABASE1_USER", POSTGRES.get().user());
        env.put("DATABASE1_MIGRATION_URL", POSTGRES.get().url());
        return env;
    }
}
