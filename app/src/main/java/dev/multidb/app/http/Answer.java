package dev.multidb.app.http;

import dev.multidb.app.registry.ConsistencyToken;
import dev.multidb.core.StoredAnswer;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A write's answer as it is sent, and as it is stored under an Idempotency-Key to be replayed byte for byte.
 * {@code consistencyToken} (null: none) is sent, never stored: it is where this write's commit ends.
 */
public record Answer(int status, String location, String body, boolean replayed, String consistencyToken) {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public static Answer of(int status, String location, Object view) {
        return new Answer(status, location, new String(Json.write(view), StandardCharsets.UTF_8), false, null);
    }

    static Answer replay(StoredAnswer stored) {
        return new Answer(stored.status(), stored.location(), stored.body(), true, null);
    }

    /** This answer with the token of the write that made it, if its database hands out tokens. */
    Answer with(Optional<ConsistencyToken> token) {
        return token.map(t -> new Answer(status, location, body, replayed, t.format())).orElse(this);
    }

    public void write(Context ctx) {
        if (location != null) {
            ctx.header("Location", location);
        }
        if (consistencyToken != null) {
            ctx.header(ConsistencyToken.HEADER, consistencyToken);
        }
        if (replayed) {
            ctx.header(REPLAYED_HEADER, "true");
        }
        Responses.send(ctx, status, Json.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8));
    }
}
