package dev.multidb.app.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An embedded PostgreSQL that can be stopped and started again on the same data directory and port. */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final Thread cleanup = new Thread(this::close, "multidb-test-postgres-cleanup");
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static RestartablePostgres start() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("multidb-app-test-pg"),
                    freePort());
            // Backstop for a test JVM that ends without close (a failed start, a crash): no 39 MB folder left behind.
            Runtime.getRuntime().addShutdownHook(postgres.cleanup);
            try {
                postgres.startAgain();
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public String user() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's process id, as PostgreSQL records it in its data directory. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and deletes its files, the files even when stopping fails. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = server == null ? Optional.empty() : runningPostmaster();
        try {
            if (server != null) {
                stop();
            }
        } finally {
            // A postmaster still ending (zonky's own shutdown hook may be stopping it too) writes files as it goes.
            postmaster.ifPresent(process -> process.onExit().completeOnTimeout(process, 30, TimeUnit.SECONDS).join());
            delete();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // Called from the hook itself: nothing to remove.
            }
        }
    }

    private Optional<ProcessHandle> runningPostmaster() {
        try {
            return ProcessHandle.of(postmasterPid());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void delete() {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
