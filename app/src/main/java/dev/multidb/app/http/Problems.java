package dev.multidb.app.http;

import dev.multidb.app.call.DatabaseUnavailableException;
import dev.multidb.core.DomainException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure, once, to an RFC 9457 problem+json answer; internals stay in the log. */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String RETRY_AFTER_SECONDS = "1";

    private Problems() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(HttpProblem.class, (e, ctx) -> write(ctx, e.status(), e.getMessage(), e.errors()));
        routes.exception(HttpResponseException.class, Problems::fromJavalin);
        routes.exception(DomainException.class, (e, ctx) -> write(ctx, status(e.kind()), e.detail(), List.of()));
        routes.exception(DatabaseUnavailableException.class, Problems::unavailable);
        routes.exception(Exception.class, Problems::unexpected);
    }

    // Written before logged, so that the log line carries the status.
    static void unexpected(Exception e, Context ctx) {
        write(ctx, 500, "unexpected error; the server log has the details", List.of());
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    }

    // By kind, not by class: a new database module's refusals need no entry here.
    private static int status(DomainException.Kind kind) {
        return switch (kind) {
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
        };
    }

    // A write cut off after it was sent may have committed: no Retry-After, and the detail says so. Everything
    // else (nothing sent, or a read, which is safe to repeat) carries Retry-After.
    // The registry logs each event once (summarising repeats); per request only at DEBUG.
    private static void unavailable(DatabaseUnavailableException e, Context ctx) {
        boolean read = HandlerType.GET.equals(ctx.method()) || HandlerType.HEAD.equals(ctx.method());
        if (e.outcomeUnknown() && !read) {
            write(ctx, 503, e.database() + " did not answer in time; the outcome is unknown: the change may have"
                    + " been committed, check before repeating it", List.of());
        } else {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            write(ctx, 503, e.database() + " is unavailable; try again shortly", List.of());
        }
        LOG.debug("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    }

    static void write(Context ctx, int status, String detail, List<FieldError> errors) {
        Problem problem = new Problem(Problem.TYPE, HttpStatus.forStatus(status).getMessage(), status, detail,
                ctx.path(), errors);
        RequestLog.status(status);
        Responses.send(ctx, status, Problem.CONTENT_TYPE, Json.write(problem));
    }

    private static void fromJavalin(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> write(ctx, 404, "there is nothing at " + ctx.path(), List.of());
            case 405 -> methodNotAllowed(e, ctx);
            case 413 -> write(ctx, 413, "the request body is larger than " + JsonBody.MAX_BYTES + " bytes", List.of());
            default -> write(ctx, e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), List.of());
        }
    }

    private static void methodNotAllowed(HttpResponseException e, Context ctx) {
        String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
        if (allowed != null) {
            ctx.header("Allow", allowed);
        }
        write(ctx, 405, ctx.method().name() + " is not allowed on " + ctx.path()
                + (allowed == null ? "" : "; allowed: " + allowed), List.of());
    }
}
