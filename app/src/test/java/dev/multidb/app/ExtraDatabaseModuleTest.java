package dev.multidb.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multidb.app.testing.Poll;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third database module, added the way a real one is (a service entry, a reference.conf, one migration and one
 * seed in src/test/extra-module), reaches every part of the app with no wiring code: each test runs the app's
 * {@link Main} in its own JVM with that folder added to the class path.
 */
class ExtraDatabaseModuleTest {

    private static final Path EXTRA_MODULE = Path.of("src/test/extra-module").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("multidb listening on http://localhost:(\\d+)");
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path data;
    private final Map<Process, Path> runs = new HashMap<>();

    @Test
    void infoListsTheExtraModuleBesideTheOthers() throws Exception {
        Run info = main(Map.of(), "info");

        assertThat(info.exitCode()).isZero();
        assertThat(info.out()).as(info.err()).contains("database1 (postgresql): schema version none", "database2 (h2): schema"
                + " version none", "testextra (h2): schema version none, code expects 1; 1 pending migration;"
                + " seeds: 0 applied, 1 pending");
    }

    @Test
    void migrateSeedAndValidateReachTheExtraModule() throws Exception {
        Run migrate = main(Map.of(), "migrate");
        Run seed = main(Map.of(), "seed", "--database", "testextra");
        Run validate = main(Map.of(), "validate");

        // contains, not isEqualTo: the test class path's logback writes warnings to standard output.
        assertThat(migrate.out()).as(migrate.err()).contains("testextra: migrated from schema version none to 1 (1 migration applied)\n");
        assertThat(seed.out()).as(seed.err()).contains("testextra: seeded to version 1 (1 seed applied)\n");
        assertThat(validate.out()).as(validate.err()).contains("database1: valid at schema version 2\n",
                "database2: valid at schema version 2\n", "testextra: valid at schema version 1\n");
    }

    @Test
    void extraModuleIsConfiguredByItsOwnVariables() throws Exception {
        Run migrate = main(Map.of("TESTEXTRA_URL", "jdbc:postgresql://localhost/notes"), "migrate");

        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err()).endsWith("multidb: TESTEXTRA_URL is not a jdbc:h2: URL, but testextra is written"
                + " for H2; point it at a H2 server\n");
    }

    @Test
    void servedAppHasTheExtraModuleInItsRegistryReadinessAndMetrics() throws Exception {
        Process serve = start(Map.of(), "serve");
        try {
            int port = port(serve);
            JsonNode ready = new ObjectMapper().readTree(get(port, "/health/ready"));
            String metrics = get(port, "/metrics");

            assertThat(ready.get("status").asText()).isEqualTo("UP");
            assertThat(fields(ready.get("databases"))).containsExactly("database1", "database2", "testextra");
            JsonNode extra = ready.get("databases").get("testextra");
            assertThat(List.of(extra.get("status").asText(), extra.get("engine").asText(),
                    extra.get("schemaVersion").asText())).containsExactly("UP", "h2", "1");
            assertThat(metrics).contains("multidb_database_calls_in_flight{database=\"testextra\"}",
                    "hikaricp_connections_max{pool=\"testextra\"} 10.0");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run main(Map<String, String> env, String... args) throws Exception {
        Process process = start(env, args);
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(output(process, "out")),
                Files.readString(output(process, "err")));
    }

    // Output goes to files, so that a child never blocks on a full pipe nobody reads.
    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path") + File.pathSeparator + EXTRA_MODULE,
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(TestDatabases.env(data));
        builder.environment().putAll(env);
        Path run = Files.createTempDirectory(data, "run");
        Process process = builder.redirectOutput(run.resolve("out").toFile()).redirectError(run.resolve("err").toFile())
                .start();
        runs.put(process, run);
        return process;
    }

    private Path output(Process process, String stream) {
        return runs.get(process).resolve(stream);
    }

    private int port(Process serve) {
        int[] port = {0};
        boolean listening = Poll.until(() -> {
            try {
                Matcher line = LISTENING.matcher(Files.readString(output(serve, "out")));
                port[0] = line.find() ? Integer.parseInt(line.group(1)) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return port[0] > 0 || !serve.isAlive();
        }, LIMIT);
        assertThat(listening && port[0] > 0).as("serve listening").isTrue();
        return port[0];
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
