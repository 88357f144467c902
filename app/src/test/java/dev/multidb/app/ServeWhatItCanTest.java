package dev.multidb.app;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.app.migrate.MigrationException;
import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RestartablePostgres;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve with a database that is down or unmigrated at start: it serves what it can and picks the rest up later. */
class ServeWhatItCanTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR);
    private static final Duration RECOVERY = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private RestartablePostgres postgres;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;

    @BeforeEach
    void startPostgres() {
        postgres = RestartablePostgres.start();
    }

    @AfterEach
    void stopPostgres() {
        postgres.close();
    }

    @Test
    void database2DownAtStartLeavesDatabase1ServedAndIsPickedUpWhenItAnswers() throws SQLException {
        int h2Port = freePort();
        String h2Url = "jdbc:h2:tcp://localhost:" + h2Port + "/mem:database2-" + UUID.randomUUID()
                + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";

        try (RunningServer server = RunningServer.start(DATABASES, config(true, postgres.url(), postgres.user(), h2Url))) {
            port = server.port();
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(json(ready.body()).get("status").asText()).isEqualTo("DEGRADED");
            assertThat(json(ready.body()).at("/databases/database1/status").asText()).isEqualTo("UP");
            assertThat(json(ready.body()).at("/databases/database2/status").asText()).isEqualTo("DOWN");
            assertThat(get("/health/ready/database2").statusCode()).isEqualTo(503);
            assertThat(get("/customers").statusCode()).isEqualTo(200);
            assertThat(post("/invoices/1/pay").statusCode()).isEqualTo(503);

            Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(h2Port), "-ifNotExists").start();
            try {
                assertThat(Poll.until(() -> get("/health/ready/database2").body().contains("run migrate"), RECOVERY))
                        .isTrue();
                HttpResponse<String> unmigrated = post("/invoices/1/pay");
                assertThat(unmigrated.statusCode()).isEqualTo(503);
                assertThat(json(unmigrated.body()).get("detail").asText()).startsWith("database2 is not ready: ")
                        .endsWith("; run migrate");

                migrate(h2Url, "sa", Database2.DESCRIPTOR);

                assertThat(Poll.until(() -> get("/health/ready").statusCode() == 200
                        && json(get("/health/ready").body()).get("status").asText().equals("UP"), RECOVERY)).isTrue();
                assertThat(post("/invoices/1/pay").statusCode()).isEqualTo(404);
            } finally {
                h2.stop();
            }
        }
    }

    @Test
    void noDatabaseAnsweringIsNotReady() {
        String h2Url = "jdbc:h2:tcp://localhost:" + freePort() + "/mem:none;MODE=MSSQLServer";
        String pgUrl = "jdbc:postgresql://localhost:" + freePort() + "/postgres";

        try (RunningServer server = RunningServer.start(DATABASES, config(false, pgUrl, "postgres", h2Url))) {
            port = server.port();
            HttpResponse<String> ready = get("/health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(json(ready.body()).get("status").asText()).isEqualTo("DOWN");
            assertThat(get("/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void unmigratedDatabaseIsNotReadyAndItsEndpointsSayRunMigrateUntilItIsMigrated() {
        String h2Url = migratedH2();

        try (RunningServer server = RunningServer.start(DATABASES, config(false, postgres.url(), postgres.user(), h2Url))) {
            port = server.port();
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode database1 = json(ready.body()).at("/databases/database1");
            assertThat(database1.get("status").asText()).isEqualTo("DOWN");
            assertThat(database1.get("schemaVersion").isNull()).isTrue();
            assertThat(database1.get("detail").asText()).isEqualTo("the database has no schema yet, the code expects"
                    + " version " + Database1.DESCRIPTOR.schemaVersion() + "; run migrate");
            HttpResponse<String> customers = get("/customers");
            assertThat(customers.statusCode()).isEqualTo(503);
            assertThat(customers.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json(customers.body()).get("detail").asText()).isEqualTo("database1 is not ready: the database"
                    + " has no schema yet, the code expects version " + Database1.DESCRIPTOR.schemaVersion()
                    + "; run migrate");
            assertThat(post("/invoices/1/pay").statusCode()).isEqualTo(404);

            migrate(postgres.url(), postgres.user(), Database1.DESCRIPTOR);

            assertThat(Poll.until(() -> get("/customers").statusCode() == 200, RECOVERY)).isTrue();
            assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void serveReadsTheSchemaVersionWithTheAppsOwnCredentials() {
        migrate(postgres.url(), postgres.user(), Database1.DESCRIPTOR);
        AppConfig config = config(false, postgres.url(), postgres.user(), migratedH2());
        AppConfig withoutMigrationAccount = new AppConfig(config.environment(), 0, false, false, data.toString(),
                config.databases().stream().map(d -> new DatabaseConfig(d.name(), d.url(), d.user(), d.password(),
                        "no_such_migrator", Secret.NONE, d.poolSize(), d.statementTimeout(), d.connectionTimeout(),
                        d.maxConcurrentCalls())).toList());

        try (RunningServer server = RunningServer.start(DATABASES, withoutMigrationAccount)) {
            port = server.port();

            assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void migrationThatFailsOnStartStillRefusesToStart() {
        DatabaseDescriptor broken = new DatabaseDescriptor("database1", Engine.POSTGRESQL,
                "classpath:db/broken/migration", "classpath:db/broken/seed", "1");

        assertThatThrownBy(() -> RunningServer.start(List.of(broken, Database2.DESCRIPTOR),
                config(true, postgres.url(), postgres.user(), migratedH2())))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V1__broken.sql");
    }

    private AppConfig config(boolean migrateOnStart, String url1, String user1, String url2) {
        return new AppConfig("test", 0, migrateOnStart, false, data.toString(), List.of(
                database("database1", url1, user1), database("database2", url2, "sa")));
    }

    private static DatabaseConfig database(String name, String url, String user) {
        return new DatabaseConfig(name, url, user, Secret.NONE, user, Secret.NONE, 4, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 8);
    }

    private static String migratedH2() {
        String url = "jdbc:h2:mem:database2-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        migrate(url, "sa", Database2.DESCRIPTOR);
        return url;
    }

    private static void migrate(String url, String user, DatabaseDescriptor descriptor) {
        Flyway.configure().dataSource(url, user, "").locations(descriptor.migrationLocation()).load().migrate();
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
