package dev.multidb.app.migrate;

import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.JdbcUrls;
import java.util.Map;

/**
 * The driver settings that bound Flyway's connecting, logging in and every read by the database's statement
 * deadline, so a hung server fails a command instead of holding it (issue 11 item 4).
 */
final class DriverTimeouts {

    private DriverTimeouts() {
    }

    static Map<String, String> properties(DatabaseConfig config) {
        long millis = config.statementTimeout().toMillis();
        String seconds = String.valueOf(Math.max(1, (millis + 999) / 1000));
        String engine = JdbcUrls.engine(config.url()).orElse("");
        if (engine.equals(JdbcUrls.POSTGRESQL)) {
            // pgjdbc counts all three in seconds.
            return Map.of("connectTimeout", seconds, "loginTimeout", seconds, "socketTimeout", seconds);
        }
        if (engine.equals(JdbcUrls.SQLSERVER)) {
            // mssql-jdbc: loginTimeout in seconds, socketTimeout in milliseconds.
            return Map.of("loginTimeout", seconds, "socketTimeout", String.valueOf(millis));
        }
        // H2 refuses settings it does not know, and its TCP client has no read timeout: RemoteH2Guard bounds it.
        return Map.of();
    }
}
