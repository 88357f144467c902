package dev.multidb.app.replicas;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.PrimaryWithReplica;
import dev.multidb.app.testing.ReplicatedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Four app instances on one primary and one replica: each client writes through one and reads back through another. */
class ReadYourWritesAcrossInstancesTest {

    private static final int INSTANCES = 4;
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 40;
    private static final String TOKEN = "Consistency-Token";

    private static PrimaryWithReplica servers;
    private static final List<ReplicatedApp> apps = new ArrayList<>();

    @BeforeAll
    static void start() {
        servers = PrimaryWithReplica.start();
        for (int i = 0; i < INSTANCES; i++) {
            apps.add(servers.app(Duration.ofSeconds(1), Duration.ofMillis(100)));
        }
    }

    @AfterAll
    static void stop() {
        try (PrimaryWithReplica s = servers) {
            apps.forEach(ReplicatedApp::close);
        }
    }

    @Test
    void everyClientReadsItsOwnWriteThroughAnotherInstance() throws Exception {
        List<String> stale = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                runs.add(clients.submit(() -> rounds(client)));
            }
            for (Future<List<String>> run : runs) {
                stale.addAll(run.get());
            }
        }

        long servedByReplica = apps.stream().mapToLong(app -> app.reads("replica", "served")).sum();
        long tokenNotReached = apps.stream().mapToLong(app -> app.reads("primary", "token-not-reached")).sum();
        System.out.printf("read-your-writes across %d instances: %d reads, %d served by the replica, %d by the"
                + " primary (token not reached)%n", INSTANCES, CLIENTS * ROUNDS, servedByReplica, tokenNotReached);
        assertThat(stale).isEmpty();
        assertThat(servedByReplica).isPositive();
    }

    /** One client's rounds: a rename through one instance, then a read with the token through the next one. */
    private static List<String> rounds(int client) {
        List<String> stale = new ArrayList<>();
        HttpResponse<String> created = apps.get(client % INSTANCES).client().post("/customers",
                "{\"email\": \"client" + client + "@example.com\", \"name\": \"client " + client + "\"}");
        String id = json(created.body()).get("id").asText();
        for (int round = 0; round < ROUNDS; round++) {
            String name = "client " + client + " round " + round;
            ReplicatedApp writer = apps.get((client + round) % INSTANCES);
            ReplicatedApp reader = apps.get((client + round + 1) % INSTANCES);
            HttpResponse<String> written = writer.client().patch("/customers/" + id, "{\"name\": \"" + name + "\"}");
            String token = written.headers().firstValue(TOKEN).orElseThrow();
            HttpResponse<String> read = reader.client().get("/customers/" + id, TOKEN, token);
            String seen = json(read.body()).get("name").asText();
            if (!name.equals(seen)) {
                stale.add("wrote '" + name + "', read '" + seen + "'");
            }
        }
        return stale;
    }
}
