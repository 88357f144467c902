package dev.multidb.app.migrate;

import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.Engine;
import java.util.Map;

/**
 * The driver settings that bound Flyway's connecting, logging in and every read by the database's statement
 * deadline, so a hung server fails a command instead of holding it (issue 11 item 4). H2 has none: its TCP
 * client ignores network timeouts, so RemoteH2Guard bounds it from outside JDBC.
 */
final class DriverTimeouts {

    private DriverTimeouts() {
    }

    static Map<String, String> properties(DatabaseConfig config) {
        return Engine.ofUrl(config.migrationJdbcUrl())
                .map(engine -> engine.driverTimeouts(config.statementTimeout(), config.statementTimeout(),
                        config.statementTimeout()))
                .orElse(Map.of());
    }
}
