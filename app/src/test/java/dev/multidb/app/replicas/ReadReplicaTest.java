package dev.multidb.app.replicas;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.PrimaryWithReplica;
import dev.multidb.app.testing.ReplicatedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** database1's reads on a real streaming replica, with replay paused and resumed to make it lag on purpose. */
class ReadReplicaTest {

    private static final String TOKEN = "Consistency-Token";
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private static PrimaryWithReplica servers;
    private static ReplicatedApp app;

    @BeforeAll
    static void start() {
        servers = PrimaryWithReplica.start();
        // A large lag bound: a read without a token may then be served by a replica whose replay is paused.
        app = servers.app(Duration.ofMinutes(1), Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() {
        try (PrimaryWithReplica s = servers; ReplicatedApp a = app) {
            // the app closes first, then the servers
        }
    }

    @Test
    void everyWriteAnswerCarriesItsPositionInDatabase1sWal() {
        HttpResponse<String> created = create("Grace");
        String id = json(created.body()).get("id").asText();
        HttpResponse<String> patched = app.client().patch("/customers/" + id, "{\"name\": \"Grace Hopper\"}");
        HttpResponse<String> deleted = app.client().delete("/customers/" + id);

        assertThat(List.of(created, patched, deleted)).extracting(HttpResponse::statusCode)
                .containsExactly(201, 200, 204);
        assertThat(List.of(created, patched, deleted)).extracting(r -> r.headers().firstValue(TOKEN).orElse(""))
                .allSatisfy(token -> assertThat(token).matches("database1=[0-9A-F]{1,8}/[0-9A-F]{1,8}"));
    }

    @Test
    void aFailedWriteCarriesNoToken() {
        HttpResponse<String> missing = app.client().patch("/customers/987654", "{\"name\": \"Nobody\"}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(TOKEN)).isEmpty();
    }

    @Test
    void readWithTheTokenWhileReplayIsPausedIsServedByThePrimary() {
        String id = replicated(create("Ada"));
        servers.replica().pauseReplay();
        try {
            String token = token(app.client().patch("/customers/" + id, "{\"name\": \"Ada Lovelace\"}"));
            long before = app.reads("primary", "token-not-reached");

            HttpResponse<String> read = app.client().get("/customers/" + id, TOKEN, token);

            assertThat(json(read.body()).get("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(app.reads("primary", "token-not-reached")).isEqualTo(before + 1);
        } finally {
            servers.replica().resumeReplay();
        }
    }

    @Test
    void readWithoutTheTokenWhileReplayIsPausedIsServedStaleByTheReplica() {
        String id = replicated(create("Alan"));
        servers.replica().pauseReplay();
        try {
            token(app.client().patch("/customers/" + id, "{\"name\": \"Alan Turing\"}"));
            long before = app.reads("replica", "served");

            HttpResponse<String> read = app.client().get("/customers/" + id);

            assertThat(json(read.body()).get("name").asText()).isEqualTo("Alan");
            assertThat(app.reads("replica", "served")).isEqualTo(before + 1);
        } finally {
            servers.replica().resumeReplay();
        }
    }

    @Test
    void readWithTheTokenIsServedByTheReplicaOnceReplayReachesIt() {
        String id = replicated(create("Edsger"));
        servers.replica().pauseReplay();
        String token;
        try {
            token = token(app.client().patch("/customers/" + id, "{\"name\": \"Edsger Dijkstra\"}"));
        } finally {
            servers.replica().resumeReplay();
        }
        assertThat(servers.awaitReplayed(lsn(token), PATIENCE)).isTrue();
        long before = app.reads("replica", "served");

        HttpResponse<String> read = app.client().get("/customers/" + id, TOKEN, token);

        assertThat(json(read.body()).get("name").asText()).isEqualTo("Edsger Dijkstra");
        assertThat(app.reads("replica", "served")).isEqualTo(before + 1);
    }

    @Test
    void tokenReadsOfTheListAndTheSummarySeeTheWriteWhileReplayIsPaused() {
        String id = replicated(create("Barbara"));
        servers.replica().pauseReplay();
        try {
            String token = token(app.client().patch("/customers/" + id, "{\"name\": \"Barbara Liskov\"}"));

            JsonNode page = json(app.client().get("/customers?limit=100", TOKEN, token).body());
            JsonNode summary = json(app.client().get("/customers/" + id + "/summary", TOKEN, token).body());
            HttpResponse<String> invoices = app.client().get("/customers/" + id + "/invoices", TOKEN, token);

            assertThat(page.toString()).contains("\"Barbara Liskov\"");
            assertThat(summary.toString()).contains("\"Barbara Liskov\"");
            assertThat(invoices.statusCode()).isEqualTo(200);
        } finally {
            servers.replica().resumeReplay();
        }
    }

    @Test
    void aReplicaFurtherBehindThanTheLagBoundServesNoReadWithoutAToken() {
        try (ReplicatedApp strict = servers.app(Duration.ofMillis(200), Duration.ofMillis(100))) {
            String id = replicated(create("Frances"));
            servers.replica().pauseReplay();
            try {
                token(app.client().patch("/customers/" + id, "{\"name\": \"Frances Allen\"}"));
                assertThat(strict.awaitReplicas("LAGGING", PATIENCE)).isTrue();
                long before = strict.reads("primary", "lagging");

                HttpResponse<String> read = strict.client().get("/customers/" + id);

                assertThat(json(read.body()).get("name").asText()).isEqualTo("Frances Allen");
                assertThat(strict.reads("primary", "lagging")).isEqualTo(before + 1);
            } finally {
                servers.replica().resumeReplay();
            }
        }
    }

    @Test
    void aMalformedTokenIsA400NamingTheHeader() {
        for (String malformed : List.of("nonsense", "database1=", "database1=zz/1", "database1=0/1,database1=0/2")) {
            HttpResponse<String> read = app.client().get("/customers/1", TOKEN, malformed);

            assertThat(read.statusCode()).as(malformed).isEqualTo(400);
            assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(read.body()).get("errors").get(0).get("field").asText()).isEqualTo(TOKEN);
        }
    }

    @Test
    void readinessListsTheReplicaWithItsLagInsideDatabase1() {
        JsonNode ready = json(app.client().get("/health/ready").body());

        JsonNode replica = ready.get("databases").get("database1").get("replicas").get(0);
        assertThat(replica.get("url").asText()).isEqualTo("localhost:" + servers.replica().port() + "/postgres");
        assertThat(replica.get("status").asText()).isEqualTo("UP");
        assertThat(replica.get("lagMs").isIntegralNumber()).isTrue();
        assertThat(ready.get("databases").get("database2").has("replicas")).isFalse();
    }

    @Test
    void metricsCountReadsByTargetAndReason() {
        replicated(create("Niklaus"));
        app.client().get("/customers?limit=1");

        String metrics = app.client().get("/metrics").body();

        assertThat(metrics).containsPattern(
                "multidb_database_reads_total\\{database=\"database1\",reason=\"served\",target=\"replica\"} [1-9]");
        assertThat(metrics).contains(
                "multidb_database_reads_total{database=\"database1\",reason=\"token-not-reached\",target=\"primary\"}");
    }

    private static HttpResponse<String> create(String name) {
        HttpResponse<String> created = app.client().post("/customers",
                "{\"email\": \"c" + EMAILS.incrementAndGet() + "@example.com\", \"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created;
    }

    /** The created customer's id, once the replica has replayed its creation. */
    private static String replicated(HttpResponse<String> created) {
        assertThat(servers.awaitReplayed(lsn(token(created)), PATIENCE)).isTrue();
        return json(created.body()).get("id").asText();
    }

    private static String token(HttpResponse<String> write) {
        assertThat(write.statusCode()).as(write.body()).isBetween(200, 299);
        return write.headers().firstValue(TOKEN).orElseThrow();
    }

    private static String lsn(String token) {
        return token.substring("database1=".length());
    }
}
