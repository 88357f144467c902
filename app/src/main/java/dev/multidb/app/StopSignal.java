package dev.multidb.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM is how a container runtime asks a server to stop. The JVM's own handling runs the shutdown hooks (which
 * drain and close the server) but then exits 143; after a clean drain the process should say so with 0.
 */
final class StopSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

    private StopSignal() {
    }

    static void exitZeroOnTerm() {
        try {
            // System.exit runs the shutdown hooks, the graceful stop among them, before the process ends.
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException e) {
            LOG.debug("SIGTERM cannot be handled on this platform; the JVM's default handling stays", e);
        }
    }
}
