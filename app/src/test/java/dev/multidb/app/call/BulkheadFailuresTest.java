package dev.multidb.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.database2.Database2;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a call's failure says: Errors pass as they are, and a timeout names the budget that call had. */
class BulkheadFailuresTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration BUDGET = DEADLINE.plus(Database.CALL_GRACE);

    @Test
    void errorThrownByTheWorkIsRethrownAsItIs() {
        try (Registry registry = open()) {
            AssertionError error = new AssertionError("a bug, not an outage");

            assertThatThrownBy(() -> registry.get("database2").call(dsl -> {
                throw error;
            })).isSameAs(error);
        }
    }

    @Test
    void nestedCallCutOffReportsTheBudgetItHadNotTheWholeOne() {
        try (Registry registry = open()) {
            Database database = registry.get("database2");
            CountDownLatch never = new CountDownLatch(1);
            long start = System.nanoTime();

            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> database.call(outer -> {
                sleep(Duration.ofMillis(500));
                return database.call(inner -> await(never));
            }));
            never.countDown();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Matcher reported = Pattern.compile("no answer within (\\d+) ms").matcher(failure.getMessage());
            assertThat(reported.find()).as(failure.getMessage()).isTrue();
            long reportedMs = Long.parseLong(reported.group(1));
            assertThat(reportedMs).isLessThan(BUDGET.minus(Call.NESTED_MARGIN).minusMillis(400).toMillis())
                    .isLessThanOrEqualTo(took.toMillis());
        }
    }

    private static Registry open() {
        return open(new SimpleMeterRegistry());
    }

    private static Registry open(SimpleMeterRegistry meters) {
        String url = "jdbc:h2:mem:bulkhead-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        DatabaseConfig database = new DatabaseConfig("database2", url, "sa", Secret.NONE, "sa", Secret.NONE, 2,
                DEADLINE, Duration.ofSeconds(1), 4);
        return Registry.open(List.of(Database2.DESCRIPTOR),
                new AppConfig("test", 0, false, false, "target", List.of(database)), meters);
    }

    private static int await(CountDownLatch latch) {
        try {
            latch.await();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
