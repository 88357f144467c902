package dev.multidb.app.testing;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Pooler;
import dev.multidb.app.config.ReplicaConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.app.http.HttpApp;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.app.registry.ReplicaHealth;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One app instance (its own registry, meters and HTTP server on a random port) whose database1 is {@code primary}
 * with read replicas; database2 is an H2 database the caller migrated. Several may run against the same servers.
 */
public final class ReplicatedApp implements AutoCloseable {

    private final Registry registry;
    private final PrometheusMeterRegistry meters;
    private final Javalin server;
    private final Client client;

    private ReplicatedApp(Registry registry, PrometheusMeterRegistry meters, Javalin server) {
        this.registry = registry;
        this.meters = meters;
        this.server = server;
        this.client = new Client(server.port(), OpenApiContract.get());
    }

    public static ReplicatedApp start(RestartablePostgres primary, List<String> replicaUrls, Duration maxLag,
            Duration wait, String database2Url) {
        ReplicaConfig replicas = new ReplicaConfig(replicaUrls, "", Secret.NONE, maxLag, wait);
        DatabaseConfig database1 = new DatabaseConfig(Database1.DESCRIPTOR.name(), primary.url(), primary.user(),
                Secret.NONE, primary.user(), Secret.NONE, 4, Duration.ofSeconds(2), Duration.ofSeconds(1), 8, "", Pooler.NONE,
                replicas);
        AppConfig config = new AppConfig("test", 0, false, false, primary.dataDirectory().toString(), List.of(
                database1, TestApp.database(Database2.DESCRIPTOR.name(), database2Url, "sa", TestApp.Limits.DEFAULT)));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Registry registry = Registry.open(List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR), config, meters);
        try {
            return new ReplicatedApp(registry, meters, HttpApp.start(registry, meters, 0));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    public Client client() {
        return client;
    }

    public Database database1() {
        return registry.get(Database1.DESCRIPTOR.name());
    }

    /** How many reads of database1 went to {@code target} ({@code primary}, {@code replica}) for {@code reason}. */
    public long reads(String target, String reason) {
        return Optional.ofNullable(meters.find("multidb.database.reads").tags("database", "database1",
                "target", target, "reason", reason).counter()).map(Counter::count).orElse(0.0).longValue();
    }

    /** True once every replica's monitor found it {@code status} (UP, LAGGING, DOWN) within {@code limit}. */
    public boolean awaitReplicas(String status, Duration limit) {
        return Poll.until(() -> database1().replicaHealth().stream().map(ReplicaHealth::status)
                .allMatch(status::equals), limit);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            registry.close();
        }
    }
}
