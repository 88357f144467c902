package dev.multidb.app.migrate;

import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.EnvironmentVariables;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * Sorts a failed Flyway command by cause, so that each line names what to check: the account, the URL, the
 * server, or (only when a statement failed) the migration file.
 */
final class MigrationFailures {

    private final DatabaseConfig config;

    MigrationFailures(DatabaseConfig config) {
        this.config = config;
    }

    /**
     * {@code operation} (migrate, seed, info ...) failed with {@code e}; {@code otherwise} is the advice when
     * the cause is none of the known ones.
     */
    MigrationException explain(String operation, FlywayException e, String otherwise) {
        String failed = config.name() + ": " + operation + " failed: ";
        String account = variable("migration-user") + " and " + variable("migration-password") + " (or "
                + variable("user") + " and " + variable("password") + " when those are blank)";
        String url = variable("url");
        String sqlState = find(e, SQLException.class).map(MigrationFailures::sqlState).orElse("");
        if (sqlState.startsWith("28")) {
            return new MigrationException(failed + "the server refused the migration account ("
                    + FlywayMessages.root(e) + ")", "check " + account, e);
        }
        // Flyway's own statements (its history table) have no resource: only a file's statement names one.
        Optional<FlywaySqlScriptException> script = find(e, FlywaySqlScriptException.class)
                .filter(s -> s.getResource() != null && !s.getResource().getFilename().isBlank());
        if (sqlState.equals("42501") || sqlState.equals("90096")) {
            String where = script.map(s -> " in " + FlywayMessages.file(s)).orElse("");
            return new MigrationException(failed + "the migration account lacks a privilege" + where + " ("
                    + FlywayMessages.root(e) + ")", "grant it the right to change the schema, or set " + account
                    + " to the schema's owner", e);
        }
        if (script.isPresent()) {
            String kind = "seed".equals(operation) ? "seed " : "migration ";
            return new MigrationException(failed + FlywayMessages.statement(script.get()),
                    "fix the " + kind + FlywayMessages.file(script.get()) + ", then run " + operation + " again", e);
        }
        Optional<UnknownHostException> host = find(e, UnknownHostException.class);
        if (host.isPresent()) {
            return new MigrationException(failed + "unknown host " + host.get().getMessage(),
                    "check the host name in " + url, e);
        }
        if (find(e, ConnectException.class).isPresent()) {
            return new MigrationException(failed + "connection refused (" + FlywayMessages.root(e) + ")",
                    "check the host and port in " + url + " and that the server is running", e);
        }
        if (timedOut(e)) {
            return new MigrationException(failed + "the server did not answer within "
                    + config.statementTimeout().toMillis() + " ms", timeoutAdvice(), e);
        }
        return new MigrationException(failed + FlywayMessages.summary(e), otherwise, e);
    }

    /** {@code operation} against a remote H2 server made no progress within the deadline. */
    MigrationException stalled(String operation, RuntimeException e) {
        return new MigrationException(config.name() + ": " + operation + " failed: the server did not answer within "
                + config.statementTimeout().toMillis() + " ms", timeoutAdvice(), e);
    }

    private String timeoutAdvice() {
        return "check that the server at " + variable("url") + " is up and answering, or raise "
                + variable("statement-timeout-ms") + " for a migration that runs longer";
    }

    private String variable(String key) {
        return EnvironmentVariables.forDatabase(config.name(), key);
    }

    private static boolean timedOut(Throwable e) {
        if (find(e, SocketTimeoutException.class).isPresent()) {
            return true;
        }
        // pgjdbc's loginTimeout gives up on its own thread and says so only in its text.
        return find(e, SQLException.class).map(s -> String.valueOf(s.getMessage()).contains("timed out"))
                .orElse(false);
    }

    private static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
        }
        return "";
    }

    static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
