package dev.multidb.app.http;

import dev.multidb.app.registry.ConsistencyToken;
import dev.multidb.app.registry.Written;
import io.javalin.http.Context;

/** The {@code Consistency-Token} header: a write's answer carries it, a read that sends it back sees that write. */
final class ReadYourWrites {

    private ReadYourWrites() {
    }

    /** The token the request sends back; none when it sends no header. A malformed one is a 400 naming the header. */
    static ConsistencyToken token(Context ctx) {
        try {
            return ConsistencyToken.parse(ctx.header(ConsistencyToken.HEADER));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.invalid(ConsistencyToken.HEADER, e.getMessage());
        }
    }

    /** Puts {@code written}'s token, if any, on the answer; call it only once the answer is known to be a 2xx. */
    static void send(Context ctx, Written<?> written) {
        written.token().ifPresent(token -> ctx.header(ConsistencyToken.HEADER, token.format()));
    }
}
