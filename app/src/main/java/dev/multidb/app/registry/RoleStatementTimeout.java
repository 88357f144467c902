package dev.multidb.app.registry;

import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.EnvironmentVariables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Behind a pooler the app sets no session state, so the server-side statement deadline is whatever the role
 * (or database) says. A role without one leaves only the app's watchdog: worth a warning at start.
 */
public final class RoleStatementTimeout {

    private RoleStatementTimeout() {
    }

    /** The warning to log when the effective {@code statement_timeout} of {@code dataSource}'s sessions is 0. */
    public static Optional<String> warning(DataSource dataSource, DatabaseConfig config) {
        String value;
        try {
            value = effective(dataSource);
        } catch (SQLException e) {
            return Optional.of(config.name() + ": cannot read statement_timeout (" + e.getMessage() + "); check that"
                    + " the role has one (ALTER ROLE ... SET statement_timeout)");
        }
        if (!value.equals("0")) {
            return Optional.empty();
        }
        return Optional.of(config.name() + ": statement_timeout is 0 for user '" + config.user() + "' behind "
                + config.pooler().configValue() + ", so the server never cancels a slow statement (the app's"
                + " watchdog still ends the call); run ALTER ROLE " + config.user() + " SET statement_timeout = '"
                + config.statementTimeout().toMillis() + "ms' (" + EnvironmentVariables.forDatabase(config.name(),
                "statement-timeout-ms") + ")");
    }

    private static String effective(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW statement_timeout")) {
            result.next();
            return result.getString(1).strip();
        }
    }
}
