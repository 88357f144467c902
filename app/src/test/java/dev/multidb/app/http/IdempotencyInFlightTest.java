package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.app.testing.TestApp;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request whose key is held by a transaction still open is a 409, not a wait for the statement deadline. */
class IdempotencyInFlightTest {

    // A long deadline, so that the first request is still waiting when its twin arrives, however slow the machine.
    @RegisterExtension
    static final RunningApp app = RunningApp.shared(
            new TestApp.Limits(4, Duration.ofSeconds(15), Duration.ofSeconds(1), 8));

    private static final String ADA = "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}";

    @Test
    void twinOfARequestStillInFlightIsAConflictAndItsRetryGetsTheFirstAnswer() throws Exception {
        HttpResponse<String> twin;
        CompletableFuture<HttpResponse<String>> first;
        try (Connection other = connection(); Connection observer = connection()) {
            other.setAutoCommit(false);
            // Another transaction holds the email, so the first request claims its key, then waits on the email.
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("insert into customer (email, name) values ('ada@example.com', 'Other')");
            }
            first = CompletableFuture.supplyAsync(() -> app.client().post("/customers", ADA, RequestKey.HEADER, "k"));
            assertThat(Poll.until(() -> insertsWaitingOnALock(observer) == 1, Duration.ofSeconds(10))).isTrue();

            twin = app.client().post("/customers", ADA, RequestKey.HEADER, "k");
            other.rollback();
        }

        assertThat(twin.statusCode()).isEqualTo(409);
        assertThat(json(twin.body()).get("detail").asText()).contains("still in flight");
        HttpResponse<String> created = first.get();
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> retry = app.client().post("/customers", ADA, RequestKey.HEADER, "k");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(created.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(created.headers().firstValue("Location"));
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(app.postgres().url(), app.postgres().user(), "");
    }

    private static int insertsWaitingOnALock(Connection observer) {
        try (Statement statement = observer.createStatement(); ResultSet rows = statement.executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like 'insert into \"customer\"%'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
