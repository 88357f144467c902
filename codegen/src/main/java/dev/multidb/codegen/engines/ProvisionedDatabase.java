package dev.multidb.codegen.engines;

/**
 * A database that exists for the length of one code generation run; closing it stops what was started.
 *
 * @param description where it came from, for the log: "embedded PostgreSQL", "H2 in MODE=MSSQLServer", ...
 */
public record ProvisionedDatabase(String url, String user, String password, String description, Stopper stopper)
        implements AutoCloseable {

    /** Stops what provisioning started. */
    @FunctionalInterface
    public interface Stopper {
        void stop() throws Exception;
    }

    /** A server that was already running: nothing to stop. */
    public static ProvisionedDatabase existing(String url, String user, String password) {
        return new ProvisionedDatabase(url, user, password, "existing server", () -> { });
    }

    @Override
    public void close() {
        try {
            stopper.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the " + description, e);
        }
    }

    @Override
    public String toString() {
        return "ProvisionedDatabase[url=" + url + ", user=" + user + ", password=****, " + description + "]";
    }
}
