package dev.multidb.app.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** Times every request as {@code http.server.requests}, tagged by method, route template and status. */
final class HttpMetrics {

    private final MeterRegistry meters;

    HttpMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tag("method", ctx.method().name())
                .tag("uri", route(ctx, status))
                .tag("status", String.valueOf(status))
                .tag("outcome", outcome(status))
                .register(meters)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    // The template, not the path: one series per route, however many ids are requested.
    private static String route(Context ctx, int status) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null && !endpoint.path.isEmpty()) {
            return endpoint.path;
        }
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
