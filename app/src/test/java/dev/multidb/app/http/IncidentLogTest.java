package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.multidb.app.testing.Flood;
import dev.multidb.app.testing.Flood.Answer;
import dev.multidb.app.testing.Flood.Request;
import dev.multidb.app.testing.Freeze;
import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.app.testing.TestApp.Limits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL frozen under concurrent requests: the log gets one line per kind of event (repeats summarised),
 * no stack trace at WARN, and HikariCP never complains about a connection evicted twice.
 */
class IncidentLogTest {

    private static final Limits ONE_SECOND = new Limits(4, Duration.ofSeconds(1), Duration.ofSeconds(1), 8);
    private static final Duration FREEZE = Duration.ofSeconds(4);

    @RegisterExtension
    static final RunningApp app = RunningApp.shared(ONE_SECOND);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() {
        root.detachAppender(log);
    }

    @Test
    void frozenDatabaseLogsABoundedNumberOfOneLineEventsWithoutStackTraces() {
        List<Answer> flood = floodWhileFrozen();
        List<ILoggingEvent> warnings = warnings();
        warnings.forEach(event -> System.out.println("logged during the freeze: " + event.getFormattedMessage()));

        assertThat(flood).filteredOn(answer -> answer.status() == 503).hasSizeGreaterThan(50);
        assertThat(warnings).isNotEmpty().hasSizeLessThanOrEqualTo(12);
        assertThat(warnings).allSatisfy(event -> {
            assertThat(event.getThrowableProxy()).as(event.getFormattedMessage()).isNull();
            assertThat(event.getFormattedMessage()).doesNotContain("\n");
        });
    }

    @Test
    void connectionsAbortedAtTheDeadlineAreEvictedOnce() {
        floodWhileFrozen();

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("Attempt to remove an object from the bag"))
                .noneMatch(message -> message.contains("marked as broken"));
        assertThat(Poll.until(() -> app.database1().dataSource().getHikariPoolMXBean().getActiveConnections() == 0,
                Duration.ofSeconds(10))).isTrue();
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    private static List<Answer> floodWhileFrozen() {
        long customer = json(app.client().post("/customers", "{\"email\": \"log" + System.nanoTime()
                + "@example.com\", \"name\": \"Log\"}").body()).get("id").asLong();
        List<Answer> flood;
        try (Freeze ignored = Freeze.postgres(app.postgres())) {
            flood = Flood.run(16, FREEZE, i -> new Request("GET /customers/{id}",
                    () -> app.client().get("/customers/" + customer)));
        }
        assertThat(Poll.until(() -> app.client().get("/customers/" + customer).statusCode() == 200,
                Duration.ofSeconds(20))).isTrue();
        return flood;
    }
}
