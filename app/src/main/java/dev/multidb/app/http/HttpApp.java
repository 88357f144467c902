package dev.multidb.app.http;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** The HTTP API: one Javalin server, one routes class per resource, failures mapped once in {@link Problems}. */
public final class HttpApp {

    private HttpApp() {
    }

    /** Starts serving on {@code port} (0 picks a free one; {@link Javalin#port()} tells which). */
    public static Javalin start(Registry registry, PrometheusMeterRegistry meters, int port) {
        return start(registry, meters, port, AppConfig.DEFAULT_SHUTDOWN_GRACE);
    }

    /** As above; {@link Javalin#stop()} lets requests in flight finish for up to {@code shutdownGrace}. */
    public static Javalin start(Registry registry, PrometheusMeterRegistry meters, int port, Duration shutdownGrace) {
        Database database1 = registry.get(Database1.DESCRIPTOR.name());
        Database database2 = registry.get(Database2.DESCRIPTOR.name());
        CustomerInvoices customerInvoices = new CustomerInvoices(database1, database2);
        HttpMetrics httpMetrics = new HttpMetrics(meters);
        SchemaGate schemaGate = new SchemaGate(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = JsonBody.MAX_BYTES;
            config.requestLogger.http(httpMetrics::record);
            config.requestLogger.http(RequestLog::end);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
            config.jetty.modifyServer(server -> GracefulStop.install(server, shutdownGrace));
            config.routes.before(RequestLog::begin);
            config.routes.before(JsonBody::refuseDeclaredOversize);
            config.routes.after(Responses::dropContentTypeOfNoContent);
            Problems.register(config.routes);
            SchemaProblems.register(config.routes, schemaGate);
            new HealthRoutes(registry, schemaGate).register(config.routes);
            new MetricsRoutes(meters).register(config.routes);
            new OpenApiRoutes().register(config);
            new CustomerRoutes(database1, customerInvoices).register(config.routes);
            new InvoiceRoutes(database2, customerInvoices).register(config.routes);
        });
        return app.start(port);
    }
}
