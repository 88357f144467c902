package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Pooler;
import dev.multidb.app.config.Secret;
import dev.multidb.app.registry.RoleStatementTimeout;
import dev.multidb.app.testing.PgBouncer;
import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.PostgresProcesses;
import dev.multidb.app.testing.TestApp;
import dev.multidb.app.testing.TestApp.Limits;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The app with database1 behind a real PgBouncer in transaction pooling mode (DATABASE1_POOLER=pgbouncer): no
 * session state, no server-side prepared statements, the statement deadline from the role. Skipped, saying why,
 * where pgbouncer is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgBouncerTest {

    // Two seconds: a cold JVM on a busy machine can spend one loading classes on a request's first path.
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    // Room for 16 client threads at once: the bulkhead must not be what answers them, nor the cross-database
    // share (half of the pool), which refuses an invoice create at once when 16 of them run together.
    private static final Limits LIMITS = new Limits(32, DEADLINE, Duration.ofSeconds(1), 64);
    // Not the app's deadline, so that what a session reports tells who set it.
    private static final Duration ROLE_DEADLINE = Duration.ofMillis(2500);
    private static final String ROLE_WITHOUT_DEADLINE = "no_deadline";

    private static PgBouncer bouncer;
    private static TestApp app;

    @BeforeAll
    static void start() {
        PgBouncer.binaryOrSkip();
        app = TestApp.start(LIMITS, direct -> {
            execute(direct.url(), "ALTER ROLE postgres SET statement_timeout = '" + ROLE_DEADLINE.toMillis() + "ms'",
                    "CREATE ROLE " + ROLE_WITHOUT_DEADLINE + " LOGIN");
            bouncer = PgBouncer.start(portOf(direct.url()), List.of("postgres", ROLE_WITHOUT_DEADLINE));
            return new DatabaseConfig(direct.name(), bouncer.url(), direct.user(), direct.password(),
                    direct.migrationUser(), direct.migrationPassword(), direct.poolSize(), direct.statementTimeout(),
                    direct.connectionTimeout(), direct.maxConcurrentCalls(), direct.url(), Pooler.PGBOUNCER);
        });
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @BeforeEach
    void empty() {
        app.truncate();
    }

    @Test
    @Order(1)
    void customerAndInvoiceFlowsAnswerThroughPgBouncer() {
        HttpResponse<String> created = app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}");
        long customer = json(created.body()).get("id").asLong();
        long invoice = json(app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"0.10\", \"currency\": \"EUR\"}").body()).get("id").asLong();

        Map<String, Integer> statuses = new TreeMap<>();
        statuses.put("1 create", created.statusCode());
        statuses.put("2 read", app.client().get("/customers/" + customer).statusCode());
        statuses.put("3 rename", app.client().patch("/customers/" + customer, "{\"name\": \"Ada L.\"}").statusCode());
        statuses.put("4 list", app.client().get("/customers?limit=2").statusCode());
        statuses.put("5 delete with open invoice", app.client().delete("/customers/" + customer).statusCode());
        statuses.put("6 pay", app.client().post("/invoices/" + invoice + "/pay", "").statusCode());
        statuses.put("7 delete", app.client().delete("/customers/" + customer).statusCode());
        statuses.put("8 read deleted", app.client().get("/customers/" + customer).statusCode());

        assertThat(statuses).isEqualTo(Map.of("1 create", 201, "2 read", 200, "3 rename", 200, "4 list", 200,
                "5 delete with open invoice", 409, "6 pay", 200, "7 delete", 204, "8 read deleted", 404));
    }

    @Test
    @Order(2)
    void summaryJoinsBothDatabasesThroughPgBouncer() {
        long customer = json(app.client().post("/customers", "{\"email\": \"bo@example.com\", \"name\": \"Bo\"}")
                .body()).get("id").asLong();
        app.client().post("/customers/" + customer + "/invoices", "{\"amount\": \"0.10\", \"currency\": \"EUR\"}");
        app.client().post("/customers/" + customer + "/invoices", "{\"amount\": \"0.20\", \"currency\": \"EUR\"}");

        JsonNode summary = json(app.client().get("/customers/" + customer + "/summary").body());

        assertThat(summary.get("customer").get("email").asText()).isEqualTo("bo@example.com");
        assertThat(summary.get("outstanding")).isEqualTo(json("{\"EUR\": \"0.30\"}"));
    }

    @Test
    @Order(3)
    void manyThreadsAtOnceAllGetTheirAnswers() throws Exception {
        long customer = json(app.client().post("/customers", "{\"email\": \"cy@example.com\", \"name\": \"Cy\"}")
                .body()).get("id").asLong();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                int t = thread;
                results.add(threads.submit(() -> requests(t, customer)));
            }
            for (Future<List<Integer>> result : results) {
                result.get().forEach(status -> statuses.merge(status / 100 * 100, 1, Integer::sum));
            }
        }

        assertThat(statuses).isEqualTo(Map.of(200, 16 * 50));
    }

    @Test
    @Order(4)
    void sessionsGetTheirDeadlineFromTheRoleNotFromTheApp() {
        String seen = app.database1().call(dsl -> dsl.fetchValue("SHOW statement_timeout").toString());

        assertThat(seen).isEqualTo("2500ms");
        assertThat(app.database1().dataSource().getConnectionInitSql()).isNull();
        assertThat(RoleStatementTimeout.warning(app.database1().dataSource(), config("postgres"))).isEmpty();
    }

    @Test
    @Order(5)
    void aRoleWithoutDeadlineIsWarnedAbout() {
        PGSimpleDataSource noDeadline = new PGSimpleDataSource();
        noDeadline.setUrl(bouncer.url() + "?prepareThreshold=0");
        noDeadline.setUser(ROLE_WITHOUT_DEADLINE);

        assertThat(RoleStatementTimeout.warning(noDeadline, config(ROLE_WITHOUT_DEADLINE))).contains(
                "database1: statement_timeout is 0 for user 'no_deadline' behind pgbouncer, so the server never"
                        + " cancels a slow statement (the app's watchdog still ends the call); run ALTER ROLE"
                        + " no_deadline SET statement_timeout = '2000ms' (DATABASE1_STATEMENT_TIMEOUT_MS)");
    }

    @Test
    @Order(6)
    void frozenServerBehindPgBouncerAnswers503WithinTheDeadlineAndRecovers() {
        long customer = json(app.client().post("/customers", "{\"email\": \"di@example.com\", \"name\": \"Di\"}")
                .body()).get("id").asLong();
        Map<String, Integer> statuses = new TreeMap<>();
        try (PostgresProcesses ignored = PostgresProcesses.freeze(app.postgres())) {
            for (String path : List.of("/customers/" + customer, "/customers")) {
                long start = System.nanoTime();
                statuses.put(path, app.client().get(path).statusCode());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path)
                        .isLessThan(DEADLINE.plusSeconds(1));
            }
        }

        assertThat(statuses).isEqualTo(Map.of("/customers/" + customer, 503, "/customers", 503));
        assertThat(Poll.until(() -> app.client().get("/customers/" + customer).statusCode() == 200,
                Duration.ofSeconds(20))).isTrue();
    }

    private static List<Integer> requests(int thread, long customer) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = switch (i % 3) {
                case 0 -> app.client().get("/customers/" + customer);
                case 1 -> app.client().get("/customers?limit=5");
                default -> app.client().post("/customers/" + customer + "/invoices",
                        "{\"amount\": \"1.00\", \"currency\": \"EUR\"}");
            };
            statuses.add(response.statusCode());
        }
        return statuses;
    }

    private static DatabaseConfig config(String user) {
        return new DatabaseConfig("database1", bouncer.url(), user, Secret.NONE, user, Secret.NONE, 1, DEADLINE,
                Duration.ofSeconds(1), 1, "", Pooler.PGBOUNCER);
    }

    private static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.replaceFirst(".*://[^:]+:(\\d+)/.*", "$1"));
    }
}
