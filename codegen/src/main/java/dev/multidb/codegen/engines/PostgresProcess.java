package dev.multidb.codegen.engines;

import dev.multidb.codegen.Folders;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code postgres} executable run straight on a throw-away copy of the template: ready as soon as the server
 * says so in {@code postmaster.pid}, and stopped with a signal. {@code pg_ctl}, which zonky goes through, checks
 * both only every 100 ms, and zonky reads its whole binaries archive on each start to name their folder.
 */
final class PostgresProcess {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 5;
    // The status line of postmaster.pid (its eighth) once connections are accepted.
    private static final int STATUS_LINE = 7;

    private PostgresProcess() {
    }

    /** Starts the server on {@code dataDirectory}, which it owns from now on: closing stops it and deletes the folder. */
    static ProvisionedDatabase start(Path postgres, Path dataDirectory) throws IOException {
        int port = freePort();
        Path log = dataDirectory.resolve("postgres.log");
        Process process;
        try {
            process = new ProcessBuilder(command(postgres, dataDirectory, port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            Folders.delete(dataDirectory);
            throw e;
        }
        // Stopped and removed on close, or when the JVM ends first (a build stopped with Ctrl-C).
        Thread onExit = new Thread(() -> {
            try {
                stopAndRemove(process, dataDirectory);
            } catch (IOException e) {
                // A later run removes the copy once it is an hour old.
            }
        }, "codegen-postgres-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
        ProvisionedDatabase.Stopper close = () -> {
            removeHook(onExit);
            stopAndRemove(process, dataDirectory);
        };
        try {
            awaitReady(process, dataDirectory, log);
        } catch (IOException | RuntimeException e) {
            try {
                close.stop();
            } catch (Exception cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new ProvisionedDatabase("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "",
                "embedded PostgreSQL", close);
    }

    private static List<String> command(Path postgres, Path dataDirectory, int port) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            // PostgreSQL refuses to run as root; in a user namespace of its own it runs as an unprivileged user.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "-D", dataDirectory.toString(), "-p", Integer.toString(port), "-F",
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "synchronous_commit=off", "-c", "timezone=UTC"));
        return command;
    }

    private static void stopAndRemove(Process process, Path dataDirectory) throws IOException {
        stop(process);
        Folders.delete(dataDirectory);
    }

    private static void awaitReady(Process process, Path dataDirectory, Path log) throws IOException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        Path pid = dataDirectory.resolve("postmaster.pid");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("embedded PostgreSQL exited with " + process.exitValue() + " before it was ready: "
                        + lastLines(log));
            }
            if (status(pid).startsWith("ready")) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the embedded PostgreSQL started", e);
            }
        }
        throw new IOException("embedded PostgreSQL was not ready within " + READY_WITHIN.toSeconds() + " s: "
                + lastLines(log));
    }

    private static String status(Path pid) throws IOException {
        try {
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            return lines.size() > STATUS_LINE ? lines.get(STATUS_LINE).strip() : "";
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    // SIGTERM is PostgreSQL's smart shutdown: every connection is closed by now, so it stops at once.
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs, and stopping twice is harmless.
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // not Linux
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }
}
