package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.Client;
import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgreSQL stops under the running app, then comes back on the same data directory and port. */
class DatabaseOutageTest {

    private static final Duration FAST = Duration.ofSeconds(3);

    private static TestApp app;
    private static Client client;

    @BeforeAll
    static void startApp() {
        app = TestApp.start();
        client = app.client();
        app.truncate();
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @Test
    void stoppedDatabase1FailsOnlyItsEndpointsFastAndRecoversByItself() {
        long customer = json(client.post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}").body())
                .get("id").asLong();
        long invoice = json(client.post("/customers/" + customer + "/invoices",
                "{\"amount\": \"1.00\", \"currency\": \"EUR\"}").body()).get("id").asLong();

        app.postgres().stop();

        HttpResponse<String> refused = assertAnswersFast(() -> client.get("/customers/" + customer), 503);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(refused.body()).get("detail").asText()).isEqualTo("database1 is unavailable; try again shortly");
        assertAnswersFast(() -> client.get("/customers"), 503);
        assertAnswersFast(() -> client.post("/customers", "{\"email\": \"bob@example.com\", \"name\": \"Bob\"}"), 503);
        assertAnswersFast(() -> client.get("/customers/" + customer + "/summary"), 503);
        assertAnswersFast(() -> client.post("/invoices/" + invoice + "/pay", ""), 200);
        HttpResponse<String> ready = assertAnswersFast(() -> client.get("/health/ready"), 503);
        assertThat(json(ready.body()).at("/databases/database1/status").asText()).isEqualTo("DOWN");
        assertThat(json(ready.body()).at("/databases/database2/status").asText()).isEqualTo("UP");

        app.postgres().startAgain();

        assertThat(Poll.until(() -> client.get("/customers/" + customer).statusCode() == 200, Duration.ofSeconds(20)))
                .isTrue();
        assertThat(client.get("/health/ready").statusCode()).isEqualTo(200);
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
