package dev.multidb.app.replicas;

import static dev.multidb.app.testing.TestApp.json;

import dev.multidb.app.testing.Client;
import dev.multidb.app.testing.PrimaryWithReplica;
import dev.multidb.app.testing.ReplicatedApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback load on one primary and one streaming replica, all phases in one run: where reads go with and without
 * tokens, and what the token costs a write ({@code POST /customers} on an instance with replicas, which reads its
 * commit position, against one without, which does not). Not a test: run by hand (command in the README).
 */
public final class ReplicaLoad {

    private static final String TOKEN = "Consistency-Token";
    private static final int THREADS = 8;
    private static final AtomicLong EMAILS = new AtomicLong();

    private interface Step {
        void run(Client client, int thread);
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        try (PrimaryWithReplica servers = PrimaryWithReplica.start();
                ReplicatedApp withReplica = servers.app(Duration.ofSeconds(1), Duration.ofMillis(100));
                ReplicatedApp patient = servers.app(Duration.ofSeconds(1), Duration.ofMillis(1000));
                ReplicatedApp withoutReplica = servers.app(List.of(), Duration.ofSeconds(1), Duration.ofMillis(100))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                ids.add(json(post(withReplica.client()).body()).get("id").asText());
            }
            for (ReplicatedApp app : List.of(withReplica, patient, withoutReplica)) {
                run("warm-up", phase, app, (c, t) -> {
                    HttpResponse<String> created = post(c);
                    c.get("/customers/" + json(created.body()).get("id").asText(), TOKEN,
                            created.headers().firstValue(TOKEN).orElse("database1=0/0"));
                });
            }
            reads("GET /customers/{id} without token", phase, withReplica,
                    (c, t) -> c.get("/customers/" + ids.get(t)));
            reads("PATCH, GET with its token (wait 100 ms)", phase, withReplica, (c, t) -> patchThenRead(c, ids, t));
            reads("PATCH, GET with its token (wait 1000 ms)", phase, patient, (c, t) -> patchThenRead(c, ids, t));
            for (int round = 1; round <= 3; round++) {
                run("POST /customers, token (replicas) round " + round, phase, withReplica, (c, t) -> post(c));
                run("POST /customers, no token (no replicas) round " + round, phase, withoutReplica, (c, t) -> post(c));
            }
        }
    }

    private static void patchThenRead(Client client, List<String> ids, int thread) {
        HttpResponse<String> patched = client.patch("/customers/" + ids.get(thread), "{\"name\": \"n" + thread + "\"}");
        client.get("/customers/" + ids.get(thread), TOKEN, patched.headers().firstValue(TOKEN).orElseThrow());
    }

    private static void reads(String name, Duration phase, ReplicatedApp app, Step step) throws Exception {
        long replica = app.reads("replica", "served");
        long notReached = app.reads("primary", "token-not-reached");
        long lagging = app.reads("primary", "lagging");
        long failed = app.reads("primary", "replica-failed");
        run(name, phase, app, step);
        System.out.printf("  reads: replica %d, primary %d (token-not-reached %d, lagging %d, replica-failed %d)%n",
                app.reads("replica", "served") - replica,
                app.reads("primary", "token-not-reached") - notReached + app.reads("primary", "lagging") - lagging
                        + app.reads("primary", "replica-failed") - failed,
                app.reads("primary", "token-not-reached") - notReached, app.reads("primary", "lagging") - lagging,
                app.reads("primary", "replica-failed") - failed);
    }

    private static void run(String name, Duration phase, ReplicatedApp app, Step step) throws Exception {
        long until = System.nanoTime() + phase.toNanos();
        List<Future<Long>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() - until < 0) {
                        step.run(app.client(), thread);
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> thread : threads) {
                total += thread.get();
            }
            System.out.printf("%-50s %8d iterations  %8.0f /s%n", name, total,
                    total / (phase.toNanos() / 1e9));
        }
    }

    private static HttpResponse<String> post(Client client) {
        HttpResponse<String> created = client.post("/customers",
                "{\"email\": \"load" + EMAILS.incrementAndGet() + "@example.com\", \"name\": \"Load\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /customers answered " + created.statusCode() + ": " + created.body());
        }
        return created;
    }
}
