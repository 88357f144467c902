package dev.multidb.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Health;
import dev.multidb.app.registry.Registry;
import dev.multidb.app.registry.ReplicaHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Liveness (the process answers) and readiness (every database answers, with latency and schema version). */
final class HealthRoutes {

    // Replicas never change the database's status: a read they cannot serve goes to the primary.
    record DatabaseStatus(String status, String engine, long latencyMs, String schemaVersion,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReplicaHealth> replicas) {
    }

    record Readiness(String status, Map<String, DatabaseStatus> databases) {
    }

    private final Registry registry;

    HealthRoutes(Registry registry) {
        this.registry = registry;
    }

    void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> Responses.json(ctx, 200, Map.of("status", "UP")));
        routes.get("/health/ready", this::ready);
    }

    private void ready(Context ctx) {
        Map<String, DatabaseStatus> databases = new LinkedHashMap<>();
        List<Database> all = registry.all();
        List<Health> results = probeAll(all);
        for (int i = 0; i < all.size(); i++) {
            Health health = results.get(i);
            databases.put(all.get(i).name(), new DatabaseStatus(health.up() ? "UP" : "DOWN", all.get(i).engine(),
                    health.latencyMs(), health.schemaVersion(), all.get(i).replicaHealth()));
        }
        boolean up = results.stream().allMatch(Health::up);
        Responses.json(ctx, up ? 200 : 503, new Readiness(up ? "UP" : "DOWN", databases));
    }

    // In parallel, so a hung database costs one deadline, not one per database.
    private static List<Health> probeAll(List<Database> databases) {
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Health>> futures = databases.stream()
                    .map(database -> CompletableFuture.supplyAsync(database::health, probes))
                    .toList();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }
}
