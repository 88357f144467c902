package dev.multidb.app.testing;

import static dev.multidb.database1.jooq.Tables.CUSTOMER;
import static dev.multidb.database2.jooq.Tables.INVOICE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.app.http.HttpApp;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;

/**
 * The real app on a random port, over a real embedded PostgreSQL (database1) and an in-memory H2 in SQL Server
 * mode (database2), both migrated by Flyway from the modules' own migrations. One per test class.
 */
public final class TestApp implements AutoCloseable {

    /** The bounds each database gets; tests of timeouts and the bulkhead shrink them. */
    public record Limits(int poolSize, Duration statementTimeout, Duration connectionTimeout, int maxConcurrentCalls) {
        public static final Limits DEFAULT = new Limits(4, Duration.ofSeconds(2), Duration.ofSeconds(1), 8);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(30);

    private final RestartablePostgres postgres;
    private final Registry registry;
    private final PrometheusMeterRegistry meters;
    private final Javalin server;
    private final Client client;

    private TestApp(RestartablePostgres postgres, Registry registry, PrometheusMeterRegistry meters, Javalin server) {
        this.postgres = postgres;
        this.registry = registry;
        this.meters = meters;
        this.server = server;
        this.client = new Client(server.port(), OpenApiContract.get());
    }

    public static TestApp start() {
        return start(Limits.DEFAULT);
    }

    public static TestApp start(Limits limits) {
        return start(limits, UnaryOperator.identity());
    }

    /** As {@link #start(Limits)}; database1's configuration is {@code database1} applied to the direct one. */
    public static TestApp start(Limits limits, UnaryOperator<DatabaseConfig> database1) {
        RestartablePostgres postgres = RestartablePostgres.start();
        try {
            return start(postgres, limits, database1);
        } catch (RuntimeException | Error e) {
            // A start that fails (a broken migration, a port in use) must not leave the server and its files.
            postgres.close();
            throw e;
        }
    }

    private static TestApp start(RestartablePostgres postgres, Limits limits, UnaryOperator<DatabaseConfig> database1) {
        String h2Url = "jdbc:h2:mem:database2-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        migrate(postgres.url(), postgres.user(), Database1.DESCRIPTOR.migrationLocation());
        migrate(h2Url, "sa", Database2.DESCRIPTOR.migrationLocation());
        AppConfig config = new AppConfig("test", 0, false, false, postgres.dataDirectory().toString(), List.of(
                database1.apply(database(Database1.DESCRIPTOR.name(), postgres.url(), postgres.user(), limits)),
                database(Database2.DESCRIPTOR.name(), h2Url, "sa", limits)));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Registry registry = Registry.open(List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR), config, meters);
        try {
            awaitReady(registry);
        } catch (IllegalStateException e) {
            registry.close();
            postgres.close();
            throw e;
        }
        return new TestApp(postgres, registry, meters, HttpApp.start(registry, meters, 0));
    }

    // Pools open without a first connection (a database may be down at start): wait, as an orchestrator waits for
    // readiness, so that a slow first connection on a loaded machine is not the first test's deadline.
    private static void awaitReady(Registry registry) {
        for (Database database : registry.all()) {
            if (!Poll.until(() -> database.health().up(), READY)) {
                throw new IllegalStateException(database.name() + " did not answer within " + READY);
            }
        }
    }

    static DatabaseConfig database(String name, String url, String user, Limits limits) {
        return new DatabaseConfig(name, url, user, Secret.NONE, user, Secret.NONE, limits.poolSize(),
                limits.statementTimeout(), limits.connectionTimeout(), limits.maxConcurrentCalls());
    }

    private static void migrate(String url, String user, String location) {
        Flyway.configure().dataSource(url, user, "").locations(location).load().migrate();
    }

    public Client client() {
        return client;
    }

    public RestartablePostgres postgres() {
        return postgres;
    }

    public Database database1() {
        return registry.get(Database1.DESCRIPTOR.name());
    }

    public Database database2() {
        return registry.get(Database2.DESCRIPTOR.name());
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** Every route the server serves, as {@code "GET /customers/{id}"}. */
    public List<String> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(route -> route.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    /** Empties both databases and restarts their ids, so each test starts from nothing. */
    public void truncate() {
        database1().dsl().truncate(CUSTOMER).restartIdentity().execute();
        database2().dsl().truncate(INVOICE).restartIdentity().execute();
        database1().dsl().truncate(dev.multidb.database1.jooq.Tables.IDEMPOTENCY_KEY).execute();
        database2().dsl().truncate(dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY).execute();
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            try {
                registry.close();
            } finally {
                postgres.close();
            }
        }
    }
}
