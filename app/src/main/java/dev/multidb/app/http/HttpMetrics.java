package dev.multidb.app.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Times every request as {@code http.server.requests}, tagged by method, route template and status. */
final class HttpMetrics {

    private record Key(String method, String uri, int status) {
    }

    private final MeterRegistry meters;
    // Building and registering a Timer per request showed in the profile (bench/); series are few and fixed.
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        timers.computeIfAbsent(new Key(ctx.method().name(), route(ctx, status), status), this::timer)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by route and status")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", String.valueOf(key.status()))
                .tag("outcome", outcome(key.status()))
                .register(meters);
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
