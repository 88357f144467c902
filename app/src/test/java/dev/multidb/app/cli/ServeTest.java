package dev.multidb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.RunningServer;
import dev.multidb.app.TestDatabases;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR);

    @TempDir
    Path data;

    @Test
    void serveAnswersAtThePrintedAddress() throws Exception {
        StringWriter out = new StringWriter();
        Cli cli = cli(out);

        assertThat(cli.execute("serve")).isZero();
        try (RunningServer server = cli.server().orElseThrow()) {
            assertThat(out.toString()).isEqualTo("multidb listening on http://localhost:" + server.port() + "\n");
            assertThat(get("http://localhost:" + server.port() + "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void serveWithoutACommandIsTheDefault() {
        StringWriter out = new StringWriter();
        Cli cli = cli(out);

        assertThat(cli.execute()).isZero();
        try (RunningServer ignored = cli.server().orElseThrow()) {
            assertThat(out.toString()).startsWith("multidb listening on http://localhost:");
        }
    }

    @Test
    void serveInTheTestEnvironmentMigratesAndSeedsFirst() {
        Cli cli = cli(new StringWriter());
        cli.execute("serve");
        cli.server().orElseThrow().close();

        CliRun info = CliRun.run(DATABASES, TestDatabases.env(data), "info");

        assertThat(info.out())
                .contains("database1 (postgresql): schema version 2, code expects 2; 0 pending migrations;"
                        + " seeds: 1 applied, 0 pending")
                .contains("database2 (h2): schema version 2, code expects 2; 0 pending migrations;"
                        + " seeds: 1 applied, 0 pending");
    }

    @Test
    void serveWithoutMigrateOnStartLeavesTheSchemaAlone() {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("MIGRATE_ON_START", "false");
        env.put("SEED_ON_START", "false");
        Cli cli = new Cli(DATABASES, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(cli.execute("serve")).isZero();
        cli.server().orElseThrow().close();

        assertThat(CliRun.run(DATABASES, env, "info").out()).contains("database1 (postgresql): schema version none")
                .contains("database2 (h2): schema version none");
    }

    private Cli cli(StringWriter out) {
        return new Cli(DATABASES, TestDatabases.env(data), new PrintWriter(out, true),
                new PrintWriter(new StringWriter()));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
