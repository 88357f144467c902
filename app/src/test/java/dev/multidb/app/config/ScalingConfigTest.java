package dev.multidb.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys that let the app run behind a pooler and stop gracefully: migration URL, pooler, shutdown grace. */
class ScalingConfigTest {

    private static final String POOLED = "jdbc:postgresql://pgbouncer:6432/app";
    private static final String DIRECT = "jdbc:postgresql://db1:5432/app";

    @Test
    void migrationsUseTheAppsUrlUnlessToldOtherwise() {
        DatabaseConfig database1 = ConfigLoader.load(Map.of("DATABASE1_URL", DIRECT)).database("database1");

        assertThat(database1.migrationUrl()).isEmpty();
        assertThat(database1.migrationJdbcUrl()).isEqualTo(DIRECT);
    }

    @Test
    void migrationUrlBypassesThePooler() {
        DatabaseConfig database1 = ConfigLoader.load(Map.of("DATABASE1_URL", POOLED,
                "DATABASE1_MIGRATION_URL", DIRECT, "DATABASE1_POOLER", "pgbouncer")).database("database1");

        assertThat(database1.migrationJdbcUrl()).isEqualTo(DIRECT);
        assertThat(database1.url()).isEqualTo(POOLED);
        assertThat(database1.pooler()).isEqualTo(Pooler.PGBOUNCER);
    }

    @Test
    void noPoolerIsTheDefault() {
        assertThat(ConfigLoader.load(Map.of()).database("database1").pooler()).isEqualTo(Pooler.NONE);
    }

    @Test
    void unknownPoolerIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE1_URL", POOLED, "DATABASE1_POOLER", "pgpool")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE1_POOLER is 'pgpool', not a known pooler; set it to none or pgbouncer");
    }

    @Test
    void pgbouncerInFrontOfAnEngineThatIsNotPostgresqlIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE2_URL", "jdbc:h2:mem:x;MODE=MSSQLServer",
                "DATABASE2_POOLER", "pgbouncer")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE2_POOLER is pgbouncer, but DATABASE2_URL is not a jdbc:postgresql: URL;"
                        + " point it at PgBouncer or set the pooler to none");
    }

    @Test
    void migrationUrlOfAnUnknownKindIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE1_MIGRATION_URL", "postgres://db1/app")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("DATABASE1_MIGRATION_URL starts with 'postgres://d', which multidb"
                        + " cannot use;");
    }

    @Test
    void shutdownGraceIsTenSecondsUnlessSet() {
        assertThat(ConfigLoader.load(Map.of()).shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ConfigLoader.load(Map.of("SHUTDOWN_GRACE_MS", "25000")).shutdownGrace())
                .isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void embeddedDefaultKeepsPoolerAndMigrationUrlWhenItGetsItsUrl() {
        DatabaseConfig configured = ConfigLoader.load(Map.of()).database("database1");

        DatabaseConfig started = configured.withUrl("jdbc:postgresql://localhost:5432/postgres", "postgres",
                Secret.NONE);

        assertThat(started.migrationJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(started.pooler()).isEqualTo(Pooler.NONE);
    }
}
