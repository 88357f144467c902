package dev.multidb.app.registry;

import java.util.List;

/** Closes every one of several resources even when some fail, so one failure never leaks the rest. */
public final class Closing {

    private Closing() {
    }

    /**
     * Closes each of {@code resources} in order; the first failure is thrown once all are closed, with the
     * later ones added to it as suppressed.
     */
    public static void all(String what, List<? extends AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(what + " did not close: "
                            + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes each of {@code resources} after {@code failure}, adding their own failures to it as suppressed. */
    public static void all(Throwable failure, List<? extends AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
