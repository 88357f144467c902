package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RunningApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL stops under the running app, then comes back on the same data directory and port. */
class DatabaseOutageTest {

    private static final Duration FAST = Duration.ofSeconds(3);

    @RegisterExtension
    static final RunningApp app = RunningApp.shared();

    @Test
    void stoppedDatabase1FailsOnlyItsEndpointsFastAndRecoversByItself() {
        long customer = json(app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}").body())
                .get("id").asLong();
        long invoice = json(app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"1.00\", \"currency\": \"EUR\"}").body()).get("id").asLong();

        app.postgres().stop();

        HttpResponse<String> refused = assertAnswersFast(() -> app.client().get("/customers/" + customer), 503);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(refused.body()).get("detail").asText()).isEqualTo("database1 is unavailable; try again shortly");
        assertAnswersFast(() -> app.client().get("/customers"), 503);
        assertAnswersFast(() -> app.client().post("/customers", "{\"email\": \"bob@example.com\", \"name\": \"Bob\"}"), 503);
        assertAnswersFast(() -> app.client().get("/customers/" + customer + "/summary"), 503);
        assertAnswersFast(() -> app.client().post("/invoices/" + invoice + "/pay", ""), 200);
        HttpResponse<String> ready = assertAnswersFast(() -> app.client().get("/health/ready"), 200);
        assertThat(json(ready.body()).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(json(ready.body()).at("/databases/database1/status").asText()).isEqualTo("DOWN");
        assertThat(json(ready.body()).at("/databases/database2/status").asText()).isEqualTo("UP");
        assertAnswersFast(() -> app.client().get("/health/ready/database1"), 503);
        assertAnswersFast(() -> app.client().get("/health/ready/database2"), 200);

        app.postgres().startAgain();

        assertThat(Poll.until(() -> app.client().get("/customers/" + customer).statusCode() == 200, Duration.ofSeconds(20)))
                .isTrue();
        assertThat(Poll.until(() -> json(app.client().get("/health/ready").body()).get("status").asText().equals("UP"),
                Duration.ofSeconds(10))).isTrue();
    }

    private static HttpResponse<String> assertAnswersFast(Supplier<HttpResponse<String>> request, int status) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(took).isLessThan(FAST);
        return response;
    }
}
