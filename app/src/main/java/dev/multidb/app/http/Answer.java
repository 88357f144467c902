package dev.multidb.app.http;

import dev.multidb.core.StoredAnswer;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** A write's answer as it is sent, and as it is stored under an Idempotency-Key to be replayed byte for byte. */
public record Answer(int status, String location, String body, boolean replayed) {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public static Answer of(int status, String location, Object view) {
        return new Answer(status, location, new String(Json.write(view), StandardCharsets.UTF_8), false);
    }

    static Answer replay(StoredAnswer stored) {
        return new Answer(stored.status(), stored.location(), stored.body(), true);
    }

    public void write(Context ctx) {
        if (location != null) {
            ctx.header("Location", location);
        }
        if (replayed) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        ctx.status(status).contentType(Json.CONTENT_TYPE).result(body.getBytes(StandardCharsets.UTF_8));
    }
}
