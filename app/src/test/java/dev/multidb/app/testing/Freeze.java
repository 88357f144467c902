package dev.multidb.app.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Makes a database stop answering without closing its connections, until closed. */
public final class Freeze implements AutoCloseable {

    private final Runnable thaw;

    private Freeze(Runnable thaw) {
        this.thaw = thaw;
    }

    /** SIGSTOP to the postmaster and every backend: connections stay open, nothing answers. */
    public static Freeze postgres(RestartablePostgres postgres) {
        long postmaster = postgres.postmasterPid();
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(child.pid()));
        signal("STOP", pids);
        return new Freeze(() -> signal("CONT", pids));
    }

    /** H2's exclusive mode: every other session's next statement waits (ignoring its query timeout) until it ends. */
    public static Freeze h2(String url, String user) {
        try {
            Connection exclusive = DriverManager.getConnection(url, user, "");
            exclusive.createStatement().execute("SET EXCLUSIVE 1");
            return new Freeze(() -> {
                try (exclusive) {
                    exclusive.createStatement().execute("SET EXCLUSIVE 0");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        thaw.run();
    }

    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
