package dev.multidb.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.multidb.app.testing.Poll;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Repeats of one event are summarised at the end of their window, never dropped. */
class IncidentsTest {

    @Test
    void repeatsOfAnEventAreCountedInOneSummaryLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(Incidents.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            Incidents incidents = new Incidents("database1", scheduler, Duration.ofSeconds(1));
            for (int i = 0; i < 1204; i++) {
                incidents.report("calls refused", "bound full", "call refused: 8 calls are already in flight", null);
            }

            assertThat(Poll.until(() -> log.list.size() == 2, Duration.ofSeconds(5))).isTrue();
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "database1: call refused: 8 calls are already in flight",
                    "database1: 1203 more calls refused in the last 1 s: bound full");
        } finally {
            logger.detachAppender(log);
            scheduler.shutdownNow();
        }
    }
}
