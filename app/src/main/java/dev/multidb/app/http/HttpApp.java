package dev.multidb.app.http;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.customerinvoices.CustomerInvoices;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.database1.Database1;
import dev.multidb.database1.IdempotencyKeyRepository;
import dev.multidb.database2.Database2;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The HTTP API: one Javalin server, one routes class per resource, failures mapped once in {@link Problems}. */
public final class HttpApp {

    /** How often expired Idempotency-Keys are purged; the first purge waits until start-up work has settled. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    static final Duration FIRST_PURGE = Duration.ofMinutes(1);

    private HttpApp() {
    }

    /** Starts serving on {@code port} (0 picks a free one; {@link Javalin#port()} tells which). */
    public static Javalin start(Registry registry, PrometheusMeterRegistry meters, int port) {
        return start(registry, meters, port, AppConfig.DEFAULT_SHUTDOWN_GRACE);
    }

    /** As above; {@link Javalin#stop()} lets requests in flight finish for up to {@code shutdownGrace}. */
    public static Javalin start(Registry registry, PrometheusMeterRegistry meters, int port, Duration shutdownGrace) {
        return start(registry, meters, port, shutdownGrace, AppConfig.DEFAULT_IDEMPOTENCY_KEY_TTL);
    }

    /** As above; Idempotency-Keys are kept for {@code keyTtl}, then purged. */
    public static Javalin start(Registry registry, PrometheusMeterRegistry meters, int port, Duration shutdownGrace,
            Duration keyTtl) {
        Database database1 = registry.get(Database1.DESCRIPTOR.name());
        Database database2 = registry.get(Database2.DESCRIPTOR.name());
        IdempotentWrites customerKeys = new IdempotentWrites(database1, IdempotencyKeyRepository::new);
        IdempotentWrites invoiceKeys = new IdempotentWrites(database2,
                dev.multidb.database2.IdempotencyKeyRepository::new);
        CustomerInvoices customerInvoices = new CustomerInvoices(database1, database2);
        IdempotencyPurge purge = new IdempotencyPurge(List.of(customerKeys, invoiceKeys), keyTtl, Clock.systemUTC());
        HttpMetrics httpMetrics = new HttpMetrics(meters);
        SchemaGate schemaGate = new SchemaGate(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
            // One logger and one before handler for all requests: Javalin matches and runs each one per request.
            config.requestLogger.http((ctx, ms) -> {
                httpMetrics.record(ctx, ms);
                RequestLog.end(ctx, ms);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            config.jetty.modifyServer(server -> GracefulStop.install(server, shutdownGrace));
            config.routes.before(ctx -> {
                RequestLog.begin(ctx);
                JsonBody.refuseDeclaredOversize(ctx);
            });
            Problems.register(config.routes);
            SchemaProblems.register(config.routes, schemaGate);
            new HealthRoutes(registry, schemaGate).register(config.routes);
            new MetricsRoutes(meters).register(config.routes);
            new OpenApiRoutes().register(config);
            new CustomerRoutes(database1, customerInvoices, customerKeys).register(config.routes);
            new InvoiceRoutes(database2, customerInvoices, invoiceKeys).register(config.routes);
            config.events.serverStarted(() -> purge.every(FIRST_PURGE, PURGE_INTERVAL));
            config.events.serverStopping(purge::close);
        });
        return app.start(port);
    }
}
