package dev.multidb.app.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PgBouncer (the Debian package's binary) in transaction pooling mode on a free loopback port, in front of
 * a PostgreSQL on {@code backendPort}. Its files live in a temporary directory, removed when it stops.
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> SEARCHED = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** The binary on PATH or where Debian installs it; a test without one is skipped, saying why. */
    public static Path binaryOrSkip() {
        Optional<Path> binary = find();
        String reason = "pgbouncer is not installed (looked on PATH and in /usr/sbin, /usr/bin);"
                + " apt-get install -y pgbouncer to run this test";
        if (binary.isEmpty()) {
            System.out.println("SKIPPED: " + reason);
        }
        assumeTrue(binary.isPresent(), reason);
        return binary.orElseThrow();
    }

    /** Starts PgBouncer for {@code users} (trusted, as the embedded PostgreSQL trusts them). */
    public static PgBouncer start(int backendPort, List<String> users) {
        Path binary = binaryOrSkip();
        try {
            Path directory = Files.createTempDirectory("multidb-pgbouncer");
            int port = freePort();
            Files.writeString(directory.resolve("userlist.txt"),
                    String.join("\n", users.stream().map(u -> "\"" + u + "\" \"\"").toList()) + "\n");
            Files.writeString(directory.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "* = host=127.0.0.1 port=" + backendPort,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + directory.resolve("userlist.txt"),
                    "pool_mode = transaction",
                    "default_pool_size = 20",
                    "max_client_conn = 200",
                    // pgjdbc sends extra_float_digits at start-up; PgBouncer refuses unknown parameters otherwise.
                    "ignore_startup_parameters = extra_float_digits",
                    ""));
            readableByAll(directory);
            Process process = new ProcessBuilder(command(binary, directory))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pgbouncer.log").toFile())
                    .start();
            PgBouncer bouncer = new PgBouncer(process, directory, port);
            if (!Poll.until(() -> !process.isAlive() || bouncer.accepts(), Duration.ofSeconds(10)) || !process.isAlive()) {
                String log = Files.readString(directory.resolve("pgbouncer.log"));
                bouncer.close();
                throw new IllegalStateException("pgbouncer did not start: " + log);
            }
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> command(Path binary, Path directory) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        // PgBouncer refuses to run as root; CI runs as root, so it drops to an unprivileged user.
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(directory.resolve("pgbouncer.ini").toString());
        return command;
    }

    private static void readableByAll(Path directory) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private static Optional<Path> find() {
        Stream<Path> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry, "pgbouncer"));
        return Stream.concat(onPath, SEARCHED.stream()).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
