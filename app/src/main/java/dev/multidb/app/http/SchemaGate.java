package dev.multidb.app.http;

import dev.multidb.app.migrate.SchemaVersionCheck;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Health;
import dev.multidb.app.registry.MissingSchemaObjects;
import dev.multidb.app.registry.Registry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Which databases answer and whether their schema is behind the code, read through the app's own pools (never the
 * migration account). A database whose schema is behind is down: it is not ready, and a statement that meets one of
 * its missing tables is a 503 saying to run migrate. Every probe reads the version again, so migrating is enough.
 */
final class SchemaGate {

    /** What one probe found: {@code schemaProblem} is why the schema cannot serve the code, when it cannot. */
    record Probe(Database database, Health health, Optional<String> schemaProblem) {
        boolean up() {
            return health.up() && schemaProblem.isEmpty();
        }
    }

    // After a missing-table failure: read the versions again at most this often, however many requests fail.
    private static final long RECHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private final Registry registry;
    private final Map<String, String> behind = new ConcurrentHashMap<>();
    private long recheckedAtNanos; // guarded by this
    private boolean rechecked; // guarded by this

    SchemaGate(Registry registry) {
        this.registry = registry;
    }

    /** Pings each database and reads its schema version, in parallel, so a hung one costs one deadline. */
    List<Probe> probe(List<Database> databases) {
        List<Health> results;
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Health>> futures = databases.stream()
                    .map(database -> CompletableFuture.supplyAsync(database::health, probes))
                    .toList();
            results = futures.stream().map(CompletableFuture::join).toList();
        }
        return IntStream.range(0, databases.size())
                .mapToObj(i -> record(databases.get(i), results.get(i))).toList();
    }

    /**
     * The databases whose schema is behind the code (name to "what; run migrate"), when {@code failure} is a statement
     * that met a missing table or column; empty for any other failure.
     */
    SortedMap<String, String> behindAfter(Throwable failure) {
        if (!MissingSchemaObjects.causedBy(failure)) {
            return new TreeMap<>();
        }
        synchronized (this) {
            if (!rechecked || System.nanoTime() - recheckedAtNanos > RECHECK_NANOS) {
                probe(registry.all());
                recheckedAtNanos = System.nanoTime();
                rechecked = true;
            }
        }
        return new TreeMap<>(behind);
    }

    private Probe record(Database database, Health health) {
        if (!health.up()) {
            return new Probe(database, health, Optional.empty()); // what its schema is stays as last seen
        }
        String version = health.schemaVersion() == null ? "" : health.schemaVersion();
        Optional<String> problem = SchemaVersionCheck.behind(version, database.descriptor().schemaVersion());
        problem.ifPresentOrElse(p -> behind.put(database.name(), p), () -> behind.remove(database.name()));
        return new Probe(database, health, problem);
    }
}
