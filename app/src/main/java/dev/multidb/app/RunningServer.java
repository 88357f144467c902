package dev.multidb.app;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.embedded.EmbeddedDefaults;
import dev.multidb.app.http.HttpApp;
import dev.multidb.app.migrate.MigrateReport;
import dev.multidb.app.migrate.Migrations;
import dev.multidb.app.migrate.SeedReport;
import dev.multidb.app.registry.Registry;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DialectResolver;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving app: embedded defaults, migrations and seeds on start where configured, one registry
 * of pools and the HTTP server. Closing stops them in reverse order, once.
 */
public final class RunningServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final EmbeddedDefaults embedded;
    private final Registry registry;
    private final Javalin javalin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunningServer(EmbeddedDefaults embedded, Registry registry, Javalin javalin) {
        this.embedded = embedded;
        this.registry = registry;
        this.javalin = javalin;
    }

    /** Starts everything for {@code descriptors}; on failure stops what had started and rethrows. */
    public static RunningServer start(List<DatabaseDescriptor> descriptors, AppConfig config) {
        // Refuse an engine this jOOQ edition cannot render SQL for before touching any database.
        descriptors.stream().map(d -> config.database(d.name())).filter(d -> !d.embedded())
                .forEach(d -> DialectResolver.resolve(d.name(), d.url()));
        EmbeddedDefaults embedded = EmbeddedDefaults.start(descriptors, config);
        Registry registry = null;
        try {
            AppConfig resolved = embedded.config();
            prepare(descriptors, resolved);
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry = Registry.open(descriptors, resolved, meters);
            Javalin javalin = HttpApp.start(registry, meters, resolved.httpPort(), resolved.shutdownGrace());
            return new RunningServer(embedded, registry, javalin);
        } catch (RuntimeException e) {
            if (registry != null) {
                registry.close();
            }
            embedded.close();
            throw e;
        }
    }

    /** The port the HTTP server listens on (the configured one, or the one chosen for port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        LOG.info("multidb stopping: no new connections, requests in flight may finish");
        // Jetty's graceful stop (HttpApp) returns once they have, or when the shutdown grace is over.
        javalin.stop();
        registry.close();
        embedded.close();
    }

    private static void prepare(List<DatabaseDescriptor> descriptors, AppConfig config) {
        for (DatabaseDescriptor descriptor : descriptors) {
            Migrations migrations = Migrations.of(descriptor, config);
            String version;
            if (config.migrateOnStart()) {
                MigrateReport migrated = migrations.migrate();
                version = migrated.toVersion();
                LOG.info("{}: at schema version {}, migrations applied now: {}", descriptor.name(), version,
                        migrated.applied());
            } else {
                version = migrations.schemaVersion();
            }
            // Serving on a drifted schema is allowed (a rolling deploy has one side ahead), but never silently.
            migrations.drift(version).ifPresent(problem -> LOG.warn("{}: {}", descriptor.name(), problem));
            if (config.seedOnStart()) {
                SeedReport seeded = migrations.seed();
                LOG.info("{}: seeded, seeds applied now: {}", descriptor.name(), seeded.applied());
            }
        }
    }
}
