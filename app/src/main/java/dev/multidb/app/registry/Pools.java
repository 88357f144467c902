package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import dev.multidb.app.call.BrokenConnections;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Pooler;
import dev.multidb.core.Engine;
import dev.multidb.core.EnvironmentNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HikariCP pool of one database from its configuration. */
final class Pools {

    private static final long MIN_TIMEOUT_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

    private Pools() {
    }

    static HikariDataSource open(DatabaseConfig config, Engine engine, MeterRegistry meters) {
        return open(config, engine, meters, false);
    }

    /** A replica's pool opens even when the replica is down, so that it can never stop the app from starting. */
    static HikariDataSource openReplica(DatabaseConfig config, Engine engine, MeterRegistry meters) {
        return open(config, engine, meters, true);
    }

    private static HikariDataSource open(DatabaseConfig config, Engine engine, MeterRegistry meters,
            boolean mayStartDown) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(config.name());
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password().value());
        hikari.setMaximumPoolSize(config.poolSize());
        // Open without a first connection: a database down at start is served once it answers (readiness DEGRADED).
        hikari.setInitializationFailTimeout(-1);
        long connectionTimeout = Math.max(MIN_TIMEOUT_MS, config.connectionTimeout().toMillis());
        hikari.setConnectionTimeout(connectionTimeout);
        // A liveness check on a hung server must not eat a call's deadline: HikariCP's shortest (a healthy server
        // answers it in a round trip), which the call's grace covers (CallConnections).
        hikari.setValidationTimeout(MIN_TIMEOUT_MS);
        hikari.setExceptionOverrideClassName(BrokenConnections.class.getName());
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        // Socket-level bounds for a server that stops answering; the read waits the call's grace beyond the deadline.
        engine.driverTimeouts(config.statementTimeout(), config.statementTimeout().plus(Database.CALL_GRACE),
                Duration.ofMillis(connectionTimeout)).forEach(hikari::addDataSourceProperty);
        if (mayStartDown) {
            hikari.setInitializationFailTimeout(-1);
        }
        boolean pooled = config.pooler() == Pooler.PGBOUNCER;
        if (pooled) {
            // PgBouncer < 1.21 cannot carry server-side prepared statements across the server connections it lends.
            hikari.addDataSourceProperty("prepareThreshold", "0");
        } else {
            // Behind a pooler a SET would land on a borrowed server connection and then serve other clients.
            engine.statementTimeoutSql(config.statementTimeout()).ifPresent(hikari::setConnectionInitSql);
        }
        try {
            HikariDataSource dataSource = new HikariDataSource(hikari);
            if (pooled) {
                RoleStatementTimeout.warning(dataSource, config).ifPresent(LOG::warn);
            }
            return dataSource;
        } catch (PoolInitializationException e) {
            throw new IllegalStateException(config.name() + ": cannot open a connection (" + rootMessage(e) + "). Check "
                    + EnvironmentNames.forDatabase(config.name(), "url") + ", _USER and _PASSWORD and that the database"
                    + " is running.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
