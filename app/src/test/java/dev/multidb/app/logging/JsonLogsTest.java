package dev.multidb.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as an operator runs it, in its own JVM with the shipped logback.xml and {@code LOG_FORMAT=json}: its whole
 * log, from start to stop, read back line by line.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LINES = new ArrayList<>();

    @TempDir
    static Path data;

    @BeforeAll
    static void runTheAppAndCollectItsLog() throws Exception {
        Path log = data.resolve("stderr.log");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The test classpath also holds logback-test.xml, which Logback would prefer.
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), "dev.multidb.app.Main", "serve")
                .redirectError(log.toFile());
        // DEBUG: the one line per request is at DEBUG.
        command.environment().putAll(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "DEBUG", "HTTP_PORT", "0",
                "APP_ENV", "development", "DATA_DIRECTORY", data.resolve("data").toString()));
        Process app = command.start();
        try {
            int port = port(app);
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/customers/1", "/customers/x")) {
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        BodyHandlers.discarding());
            }
        } finally {
            app.destroy();
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
        }
        LINES.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    @Test
    void everyLineIsOneJsonObjectWithTimestampLevelLoggerAndMessage() throws IOException {
        assertThat(LINES).isNotEmpty();
        for (String line : LINES) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.has("timestamp") && event.has("level") && event.has("logger") && event.has("message"))
                    .as(line).isTrue();
        }
    }

    @Test
    void requestLinesCarryMethodPathAndStatus() throws IOException {
        assertThat(fields(events("dev.multidb.app.http.RequestLog"), "method", "path", "status")).containsExactly(
                List.of("GET", "/customers/1", "200"),
                List.of("GET", "/customers/x", "400"));
    }

    @Test
    void jooqDoesNotWarnAboutThePostgresVersion() throws IOException {
        List<JsonNode> fromJooq = new ArrayList<>();
        for (JsonNode event : all()) {
            if (event.get("logger").asText().startsWith("org.jooq")) {
                fromJooq.add(event);
            }
        }
        assertThat(fromJooq).isEmpty();
    }

    @Test
    void eachDatabaseSaysOnceWhichDialectRendersItsSql() throws IOException {
        assertThat(events("dev.multidb.app.registry.DialectNotice")).extracting(e -> e.get("level").asText(),
                e -> e.get("message").asText().replaceAll(";.*", "")).containsExactly(
                tuple("INFO", "database1: jOOQ renders SQL with dialect POSTGRES"),
                tuple("INFO", "database2: jOOQ renders SQL with dialect H2"));
    }

    private static int port(Process app) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("multidb listening on http://localhost:")) {
                return Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
            }
        }
        throw new IllegalStateException("the app stopped before it listened");
    }

    private static List<JsonNode> all() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : LINES) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static List<JsonNode> events(String logger) throws IOException {
        return all().stream().filter(e -> e.get("logger").asText().equals(logger)).toList();
    }

    private static List<List<String>> fields(List<JsonNode> events, String... names) {
        return events.stream().map(e -> Arrays.stream(names).map(n -> e.path(n).asText()).toList()).toList();
    }
}
