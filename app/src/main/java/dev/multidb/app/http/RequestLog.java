package dev.multidb.app.http;

import dev.multidb.app.logging.LogContext;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Puts the request's method, path and (once decided) status on its log lines; one DEBUG line per request. */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private RequestLog() {
    }

    static void begin(Context ctx) {
        MDC.put(LogContext.METHOD, ctx.method().name());
        MDC.put(LogContext.PATH, ctx.path());
        MDC.remove(LogContext.STATUS);
    }

    /** Called by {@link Problems} when it decides an error status, so that what it logs next carries it. */
    static void status(int status) {
        MDC.put(LogContext.STATUS, String.valueOf(status));
    }

    static void end(Context ctx, Float executionTimeMs) {
        status(ctx.statusCode());
        LOG.debug("{} {} {} in {} ms", ctx.method().name(), ctx.path(), ctx.statusCode(), executionTimeMs);
        MDC.remove(LogContext.METHOD);
        MDC.remove(LogContext.PATH);
        MDC.remove(LogContext.STATUS);
    }
}
