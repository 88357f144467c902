package dev.multidb.app.http;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** /metrics: Prometheus text exposition of HTTP timings and every connection pool. */
final class MetricsRoutes {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry meters;

    MetricsRoutes(PrometheusMeterRegistry meters) {
        this.meters = meters;
    }

    void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(meters.scrape()));
    }
}
