package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.JdbcUrls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Builds the HikariCP pool of one database from its configuration. */
final class Pools {

    private static final long MIN_TIMEOUT_MS = 250;

    private Pools() {
    }

    static HikariDataSource open(DatabaseConfig config, String engine, MeterRegistry meters) {
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
        // A liveness check on a hung server must not eat the whole connection timeout.
        hikari.setValidationTimeout(Math.max(MIN_TIMEOUT_MS, connectionTimeout / 2));
        hikari.setExceptionOverrideClassName(BrokenConnections.class.getName());
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        driverTimeouts(engine, config).forEach(hikari::addDataSourceProperty);
        statementTimeoutSql(engine, config.statementTimeout()).ifPresent(hikari::setConnectionInitSql);
        try {
            return new HikariDataSource(hikari);
        } catch (PoolInitializationException e) {
            throw new IllegalStateException(config.name() + ": cannot open a connection (" + rootMessage(e) + "). Check "
                    + envPrefix(config.name()) + "_URL, _USER and _PASSWORD and that the database is running.", e);
        }
    }

    /**
     * Socket-level bounds, so that a server that stops answering (not just stops) cannot hold a connection
     * forever. H2's client has none: Database bounds those calls from outside JDBC.
     */
    private static Map<String, Object> driverTimeouts(String engine, DatabaseConfig config) {
        long readMs = config.statementTimeout().plus(Database.CALL_GRACE).toMillis();
        long connectMs = Math.max(MIN_TIMEOUT_MS, config.connectionTimeout().toMillis());
        return switch (engine) {
            case JdbcUrls.POSTGRESQL -> Map.of(
                    "socketTimeout", String.valueOf(ceilSeconds(Duration.ofMillis(readMs))),
                    "connectTimeout", String.valueOf(ceilSeconds(Duration.ofMillis(connectMs))),
                    "loginTimeout", String.valueOf(ceilSeconds(Duration.ofMillis(connectMs))));
            case JdbcUrls.SQLSERVER -> Map.of(
                    "queryTimeout", String.valueOf(ceilSeconds(config.statementTimeout())),
                    "socketTimeout", String.valueOf(readMs),
                    "loginTimeout", String.valueOf(ceilSeconds(Duration.ofMillis(connectMs))));
            default -> Map.of();
        };
    }

    /**
     * The statement deadline as a setting of each pooled connection, enforced by the server (PostgreSQL) or the
     * engine (H2), at no cost per statement. JDBC's {@code setQueryTimeout} instead arms a client-side timer per
     * statement, and pgjdbc's sends its cancel on a new connection from one JVM-wide timer thread, holding the
     * statement's connection locked: against a hung server that blocks every statement's timer behind it.
     * mssql-jdbc applies its {@code queryTimeout} property to every statement by itself (see driverTimeouts).
     */
    private static Optional<String> statementTimeoutSql(String engine, Duration timeout) {
        return switch (engine) {
            case JdbcUrls.POSTGRESQL -> Optional.of("SET statement_timeout = " + timeout.toMillis());
            case JdbcUrls.H2 -> Optional.of("SET QUERY_TIMEOUT " + timeout.toMillis());
            default -> Optional.empty();
        };
    }

    private static int ceilSeconds(Duration duration) {
        return (int) Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static String envPrefix(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
