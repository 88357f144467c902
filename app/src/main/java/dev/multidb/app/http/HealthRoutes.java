package dev.multidb.app.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.multidb.app.http.SchemaGate.Probe;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.app.registry.ReplicaHealth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liveness (the process answers) and readiness: UP when every database answers with a schema that fits the code,
 * DEGRADED (still 200) when some do not answer, so the others' endpoints stay in service; 503 only when none
 * answers or a schema is behind the code.
 */
final class HealthRoutes {

    // Replicas never change the database's status: a read they cannot serve goes to the primary.
    record DatabaseStatus(String status, String engine, long latencyMs, String schemaVersion,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String detail,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReplicaHealth> replicas) {
        static DatabaseStatus of(Probe probe) {
            String detail = probe.up() ? null : probe.schemaProblem().orElse("does not answer; the log says why");
            return new DatabaseStatus(probe.up() ? "UP" : "DOWN", probe.database().engine(),
                    probe.health().latencyMs(), probe.health().schemaVersion(), detail,
                    probe.database().replicaHealth());
        }
    }

    record Readiness(String status, Map<String, DatabaseStatus> databases) {
    }

    private final Registry registry;
    private final SchemaGate gate;

    HealthRoutes(Registry registry, SchemaGate gate) {
        this.registry = registry;
        this.gate = gate;
    }

    void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> Responses.json(ctx, 200, Map.of("status", "UP")));
        routes.get("/health/ready", this::ready);
        routes.get("/health/ready/{database}", this::readyOne);
    }

    private void ready(Context ctx) {
        List<Probe> probes = gate.probe(registry.all());
        Map<String, DatabaseStatus> databases = new LinkedHashMap<>();
        probes.forEach(probe -> databases.put(probe.database().name(), DatabaseStatus.of(probe)));
        if (probes.stream().allMatch(Probe::up)) {
            Responses.json(ctx, 200, new Readiness("UP", databases));
        } else if (probes.stream().noneMatch(p -> p.health().up())
                || probes.stream().anyMatch(p -> p.schemaProblem().isPresent())) {
            Responses.json(ctx, 503, new Readiness("DOWN", databases));
        } else {
            Responses.json(ctx, 200, new Readiness("DEGRADED", databases));
        }
    }

    private void readyOne(Context ctx) {
        String name = ctx.pathParam("database");
        Database database = registry.all().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("no database is named " + Fields.label(name) + "; known: "
                        + String.join(", ", registry.all().stream().map(Database::name).toList())));
        Probe probe = gate.probe(List.of(database)).getFirst();
        Responses.json(ctx, probe.up() ? 200 : 503, DatabaseStatus.of(probe));
    }
}
