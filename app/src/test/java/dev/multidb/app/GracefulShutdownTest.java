package dev.multidb.app;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RestartablePostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a container runs it: a separate JVM, told to stop with SIGTERM while a request is in flight (held by
 * a row lock the test owns). The request still gets its answer, new connections are refused, the pools close and
 * the process exits 0 within SHUTDOWN_GRACE_MS.
 */
class GracefulShutdownTest {

    private static final Duration GRACE = Duration.ofSeconds(10);

    @TempDir
    Path data;

    private RestartablePostgres postgres;
    private Process app;

    @BeforeEach
    void start() {
        postgres = RestartablePostgres.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        postgres.close();
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishRefusesNewConnectionsAndExitsZero() throws Exception {
        int port = startApp();
        HttpClient http = HttpClient.newHttpClient();
        long customer = json(http.send(post(port, "/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}"),
                BodyHandlers.ofString()).body()).get("id").asLong();
        try (Connection holder = DriverManager.getConnection(postgres.url(), postgres.user(), "")) {
            holder.setAutoCommit(false);
            lock(holder, customer);
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                    patch(port, "/customers/" + customer, "{\"name\": \"Ada L.\"}"), BodyHandlers.ofString());
            assertThat(Poll.until(this::aBackendWaitsForTheLock, Duration.ofSeconds(10))).isTrue();

            long signalled = System.nanoTime();
            app.destroy();
            assertThat(Poll.until(() -> refused(port), Duration.ofSeconds(3))).as("new connections refused").isTrue();
            assertThat(inFlight).isNotDone();
            holder.commit();

            HttpResponse<String> answered = inFlight.get(GRACE.toSeconds(), TimeUnit.SECONDS);
            assertThat(app.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)).as(log()).isTrue();
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

            assertThat(List.of(answered.statusCode(), json(answered.body()).get("name").asText(), app.exitValue()))
                    .as(log()).isEqualTo(List.of(200, "Ada L.", 0));
            assertThat(stopping).isLessThan(GRACE);
        }
    }

    private int startApp() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve")
                .redirectError(data.resolve("app.log").toFile());
        builder.environment().putAll(Map.of("APP_ENV", "test", "HTTP_PORT", "0", "DATA_DIRECTORY", data.toString(),
                "DATABASE1_URL", postgres.url(), "DATABASE1_USER", postgres.user(), "SEED_ON_START", "false",
                "SHUTDOWN_GRACE_MS", String.valueOf(GRACE.toMillis())));
        app = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        // The test classpath's logback writes warnings to standard output too: skip them, up to the listening line.
        String line = out.readLine();
        while (line != null && !line.startsWith("multidb listening on ")) {
            line = out.readLine();
        }
        assertThat(line).as(log()).startsWith("multidb listening on http://localhost:");
        return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
    }

    private static void lock(Connection holder, long customer) throws SQLException {
        try (PreparedStatement select = holder.prepareStatement("SELECT id FROM customer WHERE id = ? FOR UPDATE")) {
            select.setLong(1, customer);
            select.executeQuery().close();
        }
    }

    private boolean aBackendWaitsForTheLock() {
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                ResultSet waiting = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.exists(data.resolve("app.log")) ? "app log:\n" + Files.readString(data.resolve("app.log")) : "";
        } catch (IOException e) {
            return "app log unreadable: " + e.getMessage();
        }
    }

    private static HttpRequest post(int port, String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest patch(int port, String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").method("PATCH", BodyPublishers.ofString(json)).build();
    }
}
