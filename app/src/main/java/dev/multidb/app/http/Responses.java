package dev.multidb.app.http;

import io.javalin.http.Context;

/** Writes JSON answers with the API's one mapper. */
public final class Responses {

    private Responses() {
    }

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(Json.CONTENT_TYPE).result(Json.write(body));
    }

    /** A 204 has no content, so it has no content type either (Javalin sets a default on every response). */
    static void dropContentTypeOfNoContent(Context ctx) {
        if (ctx.statusCode() == 204) {
            ctx.res().setContentType(null);
        }
    }
}
