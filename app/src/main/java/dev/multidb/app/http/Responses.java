package dev.multidb.app.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes JSON answers with the API's one mapper. */
public final class Responses {

    private Responses() {
    }

    public static void json(Context ctx, int status, Object body) {
        send(ctx, status, Json.CONTENT_TYPE, Json.write(body));
    }

    /**
     * Writes {@code body} straight to the response (through Javalin's compressing stream, which still decides on
     * compression by size and Accept-Encoding), instead of {@code ctx.result(bytes)}: that path copies every body
     * through a fresh 32 KiB buffer, about 40% of all the bytes the app allocated (bench/README.md). Jetty holds a
     * body this small until the request completes, so it still goes out with a Content-Length.
     */
    static void send(Context ctx, int status, String contentType, byte[] body) {
        ctx.status(status).contentType(contentType);
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answer", e);
        }
    }

    /** A 204: no content, so no content type either (Javalin sets a default on every response). */
    static void noContent(Context ctx) {
        ctx.status(204);
        ctx.res().setContentType(null);
    }
}
