package dev.multidb.app.http;

import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Makes stopping the server graceful: Jetty 12 closes the listening socket, answers new requests on open
 * connections with 503, and waits for the requests in flight (tracked by a {@link GracefulHandler}) for up to
 * the grace. Without it Jetty's stop cuts them off at once.
 */
final class GracefulStop {

    private GracefulStop() {
    }

    static void install(Server server, Duration grace) {
        // Javalin attaches its servlet context inside the innermost wrapper, so this one sees every request.
        server.insertHandler(new GracefulHandler());
        server.setStopTimeout(grace.toMillis());
    }
}
