package dev.multidb.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.database2.Database2;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The registry's meters live exactly as long as its databases, and a failure to register one leaks no pool. */
class RegistryMetersTest {

    private static final String IN_FLIGHT = "multidb.database.calls.in.flight";

    @Test
    void gaugeOfCallsInFlightGoesWhenTheRegistryCloses() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Registry registry = open(meters);
        assertThat(meters.find(IN_FLIGHT).gauges()).hasSize(1);

        registry.close();

        assertThat(meters.find(IN_FLIGHT).gauges()).isEmpty();
    }

    @Test
    void poolIsClosedWhenItsGaugeCannotBeRegistered() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.counter(IN_FLIGHT, "database", "database2"); // same name, another type: Micrometer refuses the gauge

        assertThatThrownBy(() -> open(meters)).isInstanceOf(IllegalArgumentException.class);

        assertThat(meters.find("hikaricp.connections").tag("pool", "database2").meters()).isEmpty();
    }

    private static Registry open(SimpleMeterRegistry meters) {
        String url = "jdbc:h2:mem:meters-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        DatabaseConfig database = new DatabaseConfig("database2", url, "sa", Secret.NONE, "sa", Secret.NONE, 2,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 4);
        return Registry.open(List.of(Database2.DESCRIPTOR),
                new AppConfig("test", 0, false, false, "target", List.of(database)), meters);
    }
}
