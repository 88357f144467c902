package dev.multidb.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.app.testing.RestartablePostgres;
import dev.multidb.database1.Database1;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls against PostgreSQL run on the caller's thread: the server enforces the statement deadline, and a watchdog
 * aborts the connections of a call that outlives its own (shorter) deadline.
 */
class PostgresCallTest {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);

    private static RestartablePostgres postgres;
    private static Registry registry;
    private static Database database;

    @BeforeAll
    static void open() {
        postgres = RestartablePostgres.start();
        DatabaseConfig config = new DatabaseConfig("database1", postgres.url(), postgres.user(), Secret.NONE,
                postgres.user(), Secret.NONE, 2, STATEMENT_TIMEOUT, Duration.ofSeconds(1), 4);
        registry = Registry.open(List.of(Database1.DESCRIPTOR),
                new AppConfig("test", 0, false, false, "target", List.of(config)), new SimpleMeterRegistry());
        database = registry.get("database1");
    }

    @AfterAll
    static void close() {
        registry.close();
        postgres.close();
    }

    @Test
    void statementPastTheDeadlineIsCancelledByTheServer() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> database.call(dsl -> dsl.execute("select pg_sleep(3)")))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("did not finish within its deadline");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(STATEMENT_TIMEOUT, STATEMENT_TIMEOUT.plus(Database.CALL_GRACE));
        assertThat(database.<Integer>call(dsl -> dsl.selectOne().fetchSingle().value1())).isEqualTo(1);
    }

    @Test
    void callOutlivingItsDeadlineHasItsConnectionAbortedAtTheDeadline() {
        // The inner call's deadline (the outer's minus a margin) comes before the server's statement timeout.
        Duration outerBudget = STATEMENT_TIMEOUT.plus(Database.CALL_GRACE);
        long start = System.nanoTime();
        assertThatThrownBy(() -> database.call(outer -> {
            sleep(outerBudget.minus(Call.NESTED_MARGIN).minusMillis(400));
            return database.call(inner -> inner.execute("select pg_sleep(3)"));
        })).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("no answer within");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(outerBudget);
        assertThat(database.<Integer>call(dsl -> dsl.selectOne().fetchSingle().value1()))
                .as("a deadline cut short by the enclosing call says nothing about the database: no cool-down")
                .isEqualTo(1);
        assertThat(database.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void callInsideAnotherCallHandsTheThreadBackToTheOuterOne() {
        boolean outerIsCurrentAgain = database.call(outer -> {
            Call outerCall = Call.current().orElseThrow();
            Call innerCall = database.call(inner -> Call.current().orElseThrow());
            return innerCall != outerCall && Call.current().orElseThrow() == outerCall;
        });

        assertThat(outerIsCurrentAgain).isTrue();
        assertThat(Call.current()).isEmpty();
        assertThat(database.callsInFlight()).isZero();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
