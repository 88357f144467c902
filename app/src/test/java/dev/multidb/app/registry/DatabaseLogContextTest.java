package dev.multidb.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.database2.Database2;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatabaseLogContextTest {

    private final Logger log = (Logger) LoggerFactory.getLogger("dev.multidb.test.DatabaseLogContext");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        log.addAppender(lines);
        log.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        log.detachAppender(lines);
    }

    @Test
    void linesLoggedWithinACallNameTheDatabaseAndLinesAfterItDoNot() {
        try (Registry registry = open()) {
            registry.get("database2").call(dsl -> {
                log.info("inside");
                return dsl.selectOne().fetchOne();
            });
            log.info("after");
        }

        assertThat(lines.list).extracting(ILoggingEvent::getMessage, ILoggingEvent::getMDCPropertyMap)
                .containsExactly(
                        tuple("inside", Map.of("database", "database2")),
                        tuple("after", Map.of()));
    }

    private static Registry open() {
        String url = "jdbc:h2:mem:log-context-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        DatabaseConfig database = new DatabaseConfig("database2", url, "sa", Secret.NONE, "sa", Secret.NONE, 2,
                Duration.ofSeconds(2), Duration.ofSeconds(1), 2);
        return Registry.open(List.of(Database2.DESCRIPTOR),
                new AppConfig("test", 0, false, false, "target", List.of(database)), new SimpleMeterRegistry());
    }
}
