package dev.multidb.app;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.migrate.MigrateReport;
import dev.multidb.app.migrate.Migrations;
import dev.multidb.app.migrate.SchemaVersionCheck;
import dev.multidb.app.migrate.SeedReport;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Health;
import dev.multidb.app.registry.Registry;
import dev.multidb.core.DatabaseDescriptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What serve does with each database before it listens. A database that does not answer is served later, when it
 * answers, not a reason to refuse to start; one that answers is migrated and seeded where configured, and a
 * migration that fails still refuses. Versions are read through the app's own pool, never the migration account.
 */
final class OnStart {

    private static final Logger LOG = LoggerFactory.getLogger(OnStart.class);

    private OnStart() {
    }

    static void prepare(List<DatabaseDescriptor> descriptors, AppConfig config, Registry registry) {
        List<Database> databases = descriptors.stream().map(d -> registry.get(d.name())).toList();
        List<Health> found = probe(databases);
        // Side by side: each waits on its own server (and Flyway's start-up) more than on a core.
        List<Integer> indexes = IntStream.range(0, databases.size()).boxed().toList();
        StartupWork.eachConcurrently(indexes, i -> prepare(databases.get(i), found.get(i), config));
    }

    private static void prepare(Database database, Health health, AppConfig config) {
        String name = database.name();
        if (!health.up()) {
            LOG.warn("{}: does not answer at start; serving the other databases, {} is picked up when it answers{}",
                    name, name, config.migrateOnStart() ? " (not migrated now: run migrate if its schema is behind)" : "");
            return;
        }
        Migrations migrations = Migrations.of(database.descriptor(), config);
        String version = health.schemaVersion() == null ? "" : health.schemaVersion();
        if (config.migrateOnStart()) {
            MigrateReport migrated = migrations.migrate();
            version = migrated.toVersion();
            LOG.info("{}: at schema version {}, migrations applied now: {}", name, version, migrated.applied());
        }
        boolean behind = SchemaVersionCheck.behind(version, database.descriptor().schemaVersion()).isPresent();
        // Serving on a newer schema is allowed (a rolling deploy has one side ahead), but never silently.
        migrations.drift(version).ifPresent(problem -> LOG.warn("{}: {}{}", name, problem,
                behind ? " (until then its endpoints answer 503 and readiness is DOWN)" : ""));
        if (config.seedOnStart() && !behind) {
            SeedReport seeded = migrations.seed();
            LOG.info("{}: seeded, seeds applied now: {}", name, seeded.applied());
        }
    }

    // In parallel, so databases that do not answer cost one connection timeout, not one each.
    private static List<Health> probe(List<Database> databases) {
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Health>> futures = databases.stream()
                    .map(database -> CompletableFuture.supplyAsync(database::health, probes))
                    .toList();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }
}
