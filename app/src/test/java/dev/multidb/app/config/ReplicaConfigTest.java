package dev.multidb.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaConfigTest {

    private static final String PRIMARY = "jdbc:postgresql://db1:5432/app";

    @Test
    void noDatabaseHasReplicasByDefault() {
        AppConfig config = ConfigLoader.load(Map.of());

        assertThat(config.databases()).extracting(DatabaseConfig::replicas)
                .containsExactly(ReplicaConfig.NONE, ReplicaConfig.NONE);
    }

    @Test
    void replicaVariablesSetEveryReplicaValue() {
        AppConfig config = ConfigLoader.load(Map.of(
                "DATABASE1_URL", PRIMARY,
                "DATABASE1_REPLICA_URLS", " jdbc:postgresql://r1:5432/app ,jdbc:postgresql://r2:5432/app,",
                "DATABASE1_REPLICA_USER", "reader",
                "DATABASE1_REPLICA_PASSWORD", "reader-pw",
                "DATABASE1_REPLICA_MAX_LAG_MS", "250",
                "DATABASE1_REPLICA_WAIT_MS", "40"));

        assertThat(config.database("database1").replicas()).isEqualTo(new ReplicaConfig(
                List.of("jdbc:postgresql://r1:5432/app", "jdbc:postgresql://r2:5432/app"), "reader",
                new Secret("reader-pw"), Duration.ofMillis(250), Duration.ofMillis(40)));
    }

    @Test
    void aReplicaUsesTheDatabasesAccountUnlessItHasItsOwn() {
        DatabaseConfig database1 = ConfigLoader.load(Map.of("DATABASE1_URL", PRIMARY, "DATABASE1_USER", "app",
                "DATABASE1_PASSWORD", "app-pw", "DATABASE1_REPLICA_URLS", "jdbc:postgresql://r1/app"))
                .database("database1");

        DatabaseConfig replica = database1.forReplica("database1-replica1", "jdbc:postgresql://r1/app");

        assertThat(replica).isEqualTo(new DatabaseConfig("database1-replica1", "jdbc:postgresql://r1/app", "app",
                new Secret("app-pw"), "app", new Secret("app-pw"), 10, Duration.ofMillis(5000),
                Duration.ofMillis(2000), 20));
    }

    @Test
    void onlyAPostgresqlDatabaseMayHaveReplicas() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE2_URL", "jdbc:h2:mem:x;MODE=MSSQLServer",
                "DATABASE2_REPLICA_URLS", "jdbc:postgresql://r1:5432/app")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE2_REPLICA_URLS is set, but DATABASE2_URL is not a jdbc:postgresql: URL; only"
                        + " PostgreSQL hot standbys can be replicas, so leave DATABASE2_REPLICA_URLS blank");
    }

    @Test
    void aReplicaMustBeAPostgresqlUrl() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE1_URL", PRIMARY,
                "DATABASE1_REPLICA_URLS", "jdbc:postgresql://r1/app,jdbc:h2:mem:r2")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE1_REPLICA_URLS lists a URL that does not start with jdbc:postgresql:; list the"
                        + " JDBC URLs of PostgreSQL hot standbys, separated by commas");
    }

    @Test
    void replicasNeedTheirPrimarysUrl() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE1_REPLICA_URLS", "jdbc:postgresql://r1/app")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE1_REPLICA_URLS is set, but DATABASE1_URL is blank; set it to the primary's"
                        + " jdbc:postgresql: URL (the embedded default has no standbys)");
    }

    @Test
    void aNegativeWaitIsRefusedWithItsRange() {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE1_URL", PRIMARY,
                "DATABASE1_REPLICA_URLS", "jdbc:postgresql://r1/app", "DATABASE1_REPLICA_WAIT_MS", "-1"));

        assertThatThrownBy(() -> ConfigLoader.load(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE1_REPLICA_WAIT_MS is '-1', out of range; set it to a number from 0 to 10000");
    }
}
