package dev.multidb.app.cli;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.multidb.app.RunningServer;
import dev.multidb.app.TestDatabases;
import dev.multidb.app.testing.Client;
import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RestartablePostgres;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's recipe for production accounts, deploy/grants/postgresql.sql, run as it is on a fresh PostgreSQL:
 * the migration account migrates and seeds, the app serves with the runtime account alone, and that account reads
 * and writes rows (also of tables a later migration adds) but cannot create or drop a table.
 */
class RuntimeRoleGrantsTest {

    // The README links this file and the test runs it unchanged, so the documented grants are the tested ones.
    static final Path GRANTS = Path.of(System.getProperty("user.dir")).getParent()
            .resolve("deploy/grants/postgresql.sql");
    private static final String OWNER = "multidb_owner";
    private static final String APP = "multidb_app";
    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR);

    @TempDir
    static Path data;

    private static RestartablePostgres postgres;
    private static List<CliRun> setup;
    private static RunningServer server;
    private static Client client;

    @BeforeAll
    static void grantMigrateSeedAndServe() throws Exception {
        postgres = grantedPostgres();
        setup = List.of(CliRun.run(DATABASES, migrationEnv(postgres, data), "migrate"),
                CliRun.run(DATABASES, migrationEnv(postgres, data), "seed"));
        // The pods' environment: the runtime account only, no migration account, nothing done on start.
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.putAll(Map.of("DATABASE1_URL", postgres.url(), "DATABASE1_USER", APP,
                "MIGRATE_ON_START", "false", "SEED_ON_START", "false"));
        StringWriter err = new StringWriter();
        Cli cli = new Cli(DATABASES, env, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(cli.execute("serve")).as(err.toString()).isZero();
        server = cli.server().orElseThrow();
        client = Client.of(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theMigrationAccountMigratesSeedsAndOwnsEveryTable() throws SQLException {
        Map<String, String> owners = new TreeMap<>();
        try (Connection admin = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select tablename, tableowner from pg_tables where schemaname = 'public'")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
        }

        assertThat(setup).extracting(CliRun::exitCode, CliRun::err).containsExactly(tuple(0, ""), tuple(0, ""));
        assertThat(owners).containsKeys("customer", "flyway_schema_history", "flyway_seed_history");
        assertThat(owners.values()).containsOnly(OWNER);
    }

    @Test
    void theAppOnTheRuntimeAccountCreatesReadsChangesAndDeletesACustomer() {
        HttpResponse<String> created = client.post("/customers",
                "{\"email\": \"alan@example.com\", \"name\": \"Alan Turing\"}");
        String path = "/customers/" + json(created.body()).get("id").asText();

        List<String> answers = new ArrayList<>();
        answers.add(created.statusCode() + " " + json(created.body()).get("name").asText());
        answers.add(client.get(path).statusCode() + " " + json(client.get(path).body()).get("email").asText());
        HttpResponse<String> changed = client.patch(path, "{\"name\": \"Alan M. Turing\"}");
        answers.add(changed.statusCode() + " " + json(changed.body()).get("name").asText());
        answers.add(String.valueOf(client.delete(path).statusCode()));
        answers.add(String.valueOf(client.get(path).statusCode()));

        assertThat(answers).containsExactly("201 Alan Turing", "200 alan@example.com", "200 Alan M. Turing", "204",
                "404");
    }

    @Test
    void readinessShowsTheSchemaVersionTheRuntimeAccountReadsFromTheHistory() {
        // A cold JVM on a busy machine may miss the first probe's deadline; an orchestrator asks again too.
        Poll.until(() -> client.get("/health/ready").statusCode() == 200, Duration.ofSeconds(30));
        HttpResponse<String> ready = client.get("/health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(json(ready.body()).get("databases").get("database1").get("schemaVersion").asText())
                .isEqualTo(Database1.DESCRIPTOR.schemaVersion());
    }

    @Test
    void theRuntimeAccountCannotCreateATable() {
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> execute(APP, "create table intruder (id bigint)"));

        assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
    }

    @Test
    void theRuntimeAccountCannotDropATable() {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> execute(APP, "drop table customer"));

        assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
    }

    @Test
    void aTableALaterMigrationAddsServesTheRuntimeAccountWithoutNewGrants() throws Exception {
        try (RestartablePostgres later = grantedPostgres()) {
            Map<String, String> env = migrationEnv(later, data.resolve("later"));
            assertThat(CliRun.run(DATABASES, env, "migrate", "-d", "database1").exitCode()).isZero();
            Flyway.configure().dataSource(later.url(), OWNER, "")
                    .locations(Database1.DESCRIPTOR.migrationLocation(), "classpath:db/later/migration")
                    .load().migrate();

            List<String> rows = new ArrayList<>();
            try (Connection app = DriverManager.getConnection(later.url(), APP, "");
                    Statement statement = app.createStatement()) {
                statement.execute("insert into customer (email, name) values ('kay@example.com', 'Alan Kay')");
                statement.execute("insert into customer_note (customer_id, body) select id, 'met' from customer");
                statement.execute("update customer_note set body = 'met twice'");
                try (ResultSet note = statement.executeQuery("select id, body from customer_note")) {
                    while (note.next()) {
                        rows.add(note.getLong(1) + " " + note.getString(2));
                    }
                }
                rows.add("deleted " + statement.executeUpdate("delete from customer_note"));
            }

            assertThat(rows).containsExactly("1 met twice", "deleted 1");
        }
    }

    /** A fresh PostgreSQL on which the superuser has run the grants file, unchanged. */
    private static RestartablePostgres grantedPostgres() throws IOException, SQLException {
        RestartablePostgres fresh = RestartablePostgres.start();
        try (Connection admin = DriverManager.getConnection(fresh.url(), fresh.user(), "");
                Statement statement = admin.createStatement()) {
            statement.execute(Files.readString(GRANTS));
        } catch (IOException | SQLException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        return fresh;
    }

    private static Map<String, String> migrationEnv(RestartablePostgres server, Path dataDirectory) {
        Map<String, String> env = new HashMap<>(TestDatabases.env(dataDirectory));
        env.putAll(Map.of("DATABASE1_URL", server.url(), "DATABASE1_USER", APP, "DATABASE1_MIGRATION_USER", OWNER));
        return env;
    }

    private static void execute(String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url(), user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
