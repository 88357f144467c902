package dev.multidb.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Freezes (SIGSTOP) and thaws (SIGCONT) every process of an embedded PostgreSQL: alive, answering nothing. */
public final class PostgresProcesses implements AutoCloseable {

    private final List<Long> pids;

    private PostgresProcesses(List<Long> pids) {
        this.pids = pids;
    }

    /** Stops the postmaster of {@code postgres} and all its children; {@link #close()} lets them run again. */
    public static PostgresProcesses freeze(RestartablePostgres postgres) {
        long postmaster = postgres.postmasterPid();
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(child.pid()));
        PostgresProcesses frozen = new PostgresProcesses(pids);
        frozen.signal("STOP");
        return frozen;
    }

    @Override
    public void close() {
        signal("CONT");
    }

    private void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
