package dev.multidb.app;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.embedded.EmbeddedDefaults;
import dev.multidb.app.http.HttpApp;
import dev.multidb.app.registry.Closing;
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
 * The serving app: embedded defaults, one registry of pools, migrations and seeds on start where configured
 * (for the databases that answer), and the HTTP server. Closing stops them in reverse order, once.
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
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry = Registry.open(descriptors, resolved, meters);
            OnStart.prepare(descriptors, resolved, registry);
            Javalin javalin = HttpApp.start(registry, meters, resolved.httpPort(), resolved.shutdownGrace(),
                    resolved.idempotencyKeyTtl());
            return new RunningServer(embedded, registry, javalin);
        } catch (RuntimeException | Error e) {
            Closing.all(e, registry == null ? List.of(embedded) : List.of(registry, embedded));
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
        Closing.all("multidb", List.of(javalin::stop, registry, embedded));
    }
}
