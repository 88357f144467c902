package dev.multidb.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.call.DatabaseUnavailableException;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.core.DialectResolver;
import dev.multidb.core.UnsupportedDialectException;
import dev.multidb.database2.Database2;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LONG_TIMEOUT = Duration.ofSeconds(10);
    private static final Executor CALLERS = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void sqlServerUrlWithoutASqlServerDialectRefusesToOpen() {
        AppConfig config = config("jdbc:sqlserver://localhost:1433;databaseName=app", 2);
        if (DialectResolver.byName("SQLSERVER").isPresent()) {
            return; // a licensed jOOQ edition renders SQL Server; nothing to refuse
        }

        assertThatThrownBy(() -> Registry.open(List.of(Database2.DESCRIPTOR), config, new SimpleMeterRegistry()))
                .isInstanceOf(UnsupportedDialectException.class)
                .hasMessage("database2: jOOQ Open Source Edition has no SQL Server dialect."
                        + " Build with -Djooq.groupId=org.jooq.pro (licensed) or point DATABASE2_URL at H2.");
    }

    @Test
    void engineAndNameComeFromTheConfiguration() {
        try (Registry registry = open(2)) {
            Database database = registry.get("database2");

            assertThat(database.name()).isEqualTo("database2");
            assertThat(database.engine()).isEqualTo("h2");
            assertThat(database.dataSource().getPoolName()).isEqualTo("database2");
            assertThat(registry.all()).containsExactly(database);
        }
    }

    @Test
    void oneCallMoreThanTheBoundIsRefusedAtOnce() throws Exception {
        try (Registry registry = open(2, LONG_TIMEOUT)) {
            Database database = registry.get("database2");
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<Integer>> busy = List.of(blockingCall(database, release), blockingCall(database, release));
            awaitInFlight(database, 2);

            long start = System.nanoTime();
            assertThatThrownBy(() -> database.call(dsl -> 1)).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("2 calls are already in flight");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));

            release.countDown();
            assertThat(busy).allSatisfy(call -> assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo(1));
            assertThat(database.<Integer>call(dsl -> 2)).isEqualTo(2);
        }
    }

    @Test
    void callThatOutlivesItsDeadlineIsGivenUpWithinIt() {
        try (Registry registry = open(2)) {
            Database database = registry.get("database2");
            CountDownLatch never = new CountDownLatch(1);

            long start = System.nanoTime();
            assertThatThrownBy(() -> database.call(dsl -> await(never)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("no answer within");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isBetween(STATEMENT_TIMEOUT, STATEMENT_TIMEOUT.plusSeconds(1));
            never.countDown();
        }
    }

    @Test
    void databaseThatMissedItsDeadlineIsRefusedAtOnceForAMoment() {
        try (Registry registry = open(2)) {
            Database database = registry.get("database2");
            CountDownLatch never = new CountDownLatch(1);
            assertThatThrownBy(() -> database.call(dsl -> await(never))).isInstanceOf(DatabaseUnavailableException.class);

            long start = System.nanoTime();
            assertThatThrownBy(() -> database.call(dsl -> 1)).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("failed to answer a moment ago");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
            never.countDown();
            assertThat(dev.multidb.app.testing.Poll.until(() -> callSucceeds(database), Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void callMadeInsideAnotherCallEndsBeforeTheOuterDeadline() {
        try (Registry registry = open(4)) {
            Database database = registry.get("database2");
            CountDownLatch never = new CountDownLatch(1);

            long start = System.nanoTime();
            assertThatThrownBy(() -> database.call(outer -> database.call(inner -> await(never))))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("no answer within");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STATEMENT_TIMEOUT.plus(Database.CALL_GRACE));
            never.countDown();
        }
    }

    private static boolean callSucceeds(Database database) {
        try {
            return database.call(dsl -> 1) == 1;
        } catch (DatabaseUnavailableException e) {
            return false;
        }
    }

    private static CompletableFuture<Integer> blockingCall(Database database, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> database.call(dsl -> await(release)), CALLERS);
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

    private static void awaitInFlight(Database database, int calls) {
        assertThat(dev.multidb.app.testing.Poll.until(() -> database.callsInFlight() == calls, Duration.ofSeconds(5)))
                .isTrue();
    }

    private static Registry open(int maxConcurrentCalls) {
        return open(maxConcurrentCalls, STATEMENT_TIMEOUT);
    }

    private static Registry open(int maxConcurrentCalls, Duration statementTimeout) {
        String url = "jdbc:h2:mem:registry-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        return Registry.open(List.of(Database2.DESCRIPTOR), config(url, maxConcurrentCalls, statementTimeout),
                new SimpleMeterRegistry());
    }

    private static AppConfig config(String url, int maxConcurrentCalls) {
        return config(url, maxConcurrentCalls, STATEMENT_TIMEOUT);
    }

    private static AppConfig config(String url, int maxConcurrentCalls, Duration statementTimeout) {
        DatabaseConfig database = new DatabaseConfig("database2", url, "sa", Secret.NONE, "sa", Secret.NONE, 2,
                statementTimeout, Duration.ofSeconds(1), maxConcurrentCalls);
        return new AppConfig("test", 0, false, false, "target", List.of(database));
    }
}
