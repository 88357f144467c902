package dev.multidb.app.http;

import static dev.multidb.database1.jooq.Tables.CUSTOMER;
import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.app.testing.TestApp.Limits;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calls stuck on database1 (waiting for a row lock) fill its bound; one more is refused at once. */
class BulkheadTest {

    private static final Limits TWO_CALLS = new Limits(4, Duration.ofSeconds(5), Duration.ofSeconds(1), 2);

    @RegisterExtension
    static final RunningApp app = RunningApp.shared(TWO_CALLS);

    @Test
    void callsBeyondTheBoundAreRefusedAtOnceWhileTheOtherDatabaseAnswers() throws SQLException {
        long customer = json(app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}").body())
                .get("id").asLong();
        long invoice = json(app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"1.00\", \"currency\": \"EUR\"}").body()).get("id").asLong();
        List<CompletableFuture<HttpResponse<String>>> stuck;
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try (callers; Connection lock = DriverManager.getConnection(app.postgres().url(), app.postgres().user(), "")) {
            lock.setAutoCommit(false);
            DSL.using(lock, SQLDialect.POSTGRES).selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(customer)).forUpdate().fetch();
            stuck = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    app.client().patch("/customers/" + customer, "{\"name\": \"Ada " + i + "\"}"), callers)).toList();
            assertThat(Poll.until(() -> activeConnections() == 2, Duration.ofSeconds(5))).isTrue();

            long start = System.nanoTime();
            HttpResponse<String> refused = app.client().get("/customers/" + customer);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofMillis(500));
            assertThat(json(refused.body()).get("detail").asText()).isEqualTo("database1 is unavailable; try again shortly");
            assertThat(refused.headers().firstValue("Retry-After")).as("nothing reached the database").contains("1");
            assertThat(app.client().post("/invoices/" + invoice + "/pay", "").statusCode()).isEqualTo(200);
            lock.rollback();
        }
        assertThat(stuck).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(app.client().get("/customers/" + customer).statusCode()).isEqualTo(200);
    }

    private static int activeConnections() {
        return app.database1().dataSource().getHikariPoolMXBean().getActiveConnections();
    }
}
