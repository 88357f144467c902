package dev.multidb.app.replicas;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.PrimaryWithReplica;
import dev.multidb.app.testing.ReplicatedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A replica that crashes or fails a read costs no request and never makes database1 down. */
class ReplicaOutageTest {

    private static PrimaryWithReplica servers;
    private ReplicatedApp app;

    @BeforeAll
    static void startServers() {
        servers = PrimaryWithReplica.start();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @BeforeEach
    void start() {
        app = servers.app(Duration.ofMinutes(1), Duration.ofMillis(100));
    }

    // A killed standby starts again on its files (crash recovery, then streaming) for the next test.
    @AfterEach
    void stop() {
        app.close();
        if (!servers.replica().running()) {
            servers.replica().start();
        }
    }

    @Test
    void aReplicaKilledUnderLoadFailsNoRead() throws Exception {
        HttpResponse<String> created = app.client().post("/customers",
                "{\"email\": \"k@example.com\", \"name\": \"Kim\"}");
        String id = json(created.body()).get("id").asText();
        // Reads without a token may be stale by up to the lag bound: start once the replica has the row.
        String token = created.headers().firstValue("Consistency-Token").orElseThrow();
        assertThat(servers.awaitReplayed(token.substring("database1=".length()), Duration.ofSeconds(15))).isTrue();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(4)) {
            List<Future<List<Integer>>> loops = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loops.add(readers.submit(() -> {
                    List<Integer> seen = new ArrayList<>();
                    while (running.get()) {
                        seen.add(app.client().get("/customers/" + id).statusCode());
                    }
                    return seen;
                }));
            }
            awaitReads("replica", "served", 20);
            servers.replica().kill();
            awaitReads("primary", "replica-failed", 20);
            running.set(false);
            for (Future<List<Integer>> loop : loops) {
                statuses.addAll(loop.get());
            }
        }

        assertThat(statuses).isNotEmpty().allMatch(status -> status == 200);
    }

    @Test
    void aKilledReplicaIsListedDownWhileDatabase1StaysUp() {
        servers.replica().kill();
        assertThat(app.awaitReplicas("DOWN", Duration.ofSeconds(15))).isTrue();

        HttpResponse<String> ready = app.client().get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode database1 = json(ready.body()).get("databases").get("database1");
        assertThat(database1.get("status").asText()).isEqualTo("UP");
        assertThat(database1.get("replicas").get(0).get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void aReadTheReplicaFailsIsServedByThePrimary() {
        // template1 on the standby is in recovery like the rest, but has no customer table: every read there fails.
        String wrongDatabase = servers.replica().url().replace("/postgres", "/template1");
        try (ReplicatedApp failing = servers.app(List.of(wrongDatabase), Duration.ofMinutes(1),
                Duration.ofMillis(100))) {
            String id = json(failing.client().post("/customers", "{\"email\": \"f@example.com\", \"name\": \"Fay\"}")
                    .body()).get("id").asText();

            HttpResponse<String> read = failing.client().get("/customers/" + id);

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(read.body()).get("name").asText()).isEqualTo("Fay");
            assertThat(failing.reads("primary", "replica-failed")).isEqualTo(1);
        }
    }

    private void awaitReads(String target, String reason, long atLeast) {
        long start = app.reads(target, reason);
        assertThat(dev.multidb.app.testing.Poll.until(() -> app.reads(target, reason) >= start + atLeast,
                Duration.ofSeconds(15))).as(target + "/" + reason).isTrue();
    }
}
