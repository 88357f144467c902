package dev.multidb.app.config;

import java.time.Duration;

/**
 * How the app reaches one database. {@code url} is empty when the database should run on its
 * embedded default (development and test only).
 *
 * @param poolSize            HikariCP maximum pool size
 * @param statementTimeout    deadline for every statement and for a whole call ({@code DATABASE<n>_STATEMENT_TIMEOUT_MS})
 * @param connectionTimeout   how long a request waits for a pooled connection before it is refused (at most 2 s by default)
 * @param maxConcurrentCalls  bulkhead: calls in flight against this database; one more is refused at once
 * @param migrationUrl        where Flyway connects ({@code DATABASE<n>_MIGRATION_URL}); blank = {@code url}
 * @param pooler              the connection pooler between the app and the server, if any
 */
public record DatabaseConfig(
        String name,
        String url,
        String user,
        Secret password,
        String migrationUser,
        Secret migrationPassword,
        int poolSize,
        Duration statementTimeout,
        Duration connectionTimeout,
        int maxConcurrentCalls,
        String migrationUrl,
        Pooler pooler) {

    public DatabaseConfig {
        migrationUrl = migrationUrl == null ? "" : migrationUrl.strip();
        pooler = pooler == null ? Pooler.NONE : pooler;
    }

    /** Directly on the server: no separate migration URL, no pooler. */
    public DatabaseConfig(String name, String url, String user, Secret password, String migrationUser,
            Secret migrationPassword, int poolSize, Duration statementTimeout, Duration connectionTimeout,
            int maxConcurrentCalls) {
        this(name, url, user, password, migrationUser, migrationPassword, poolSize, statementTimeout,
                connectionTimeout, maxConcurrentCalls, "", Pooler.NONE);
    }

    /** The URL migrations and every other Flyway command use: a pooler in transaction mode would break Flyway's lock. */
    public String migrationJdbcUrl() {
        return migrationUrl.isBlank() ? url : migrationUrl;
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** The same settings pointing at {@code newUrl}; used once an embedded default has been started. */
    public DatabaseConfig withUrl(String newUrl, String newUser, Secret newPassword) {
        return new DatabaseConfig(name, newUrl, newUser, newPassword,
                migrationUser == null || migrationUser.isBlank() ? newUser : migrationUser,
                migrationUser == null || migrationUser.isBlank() ? newPassword : migrationPassword,
                poolSize, statementTimeout, connectionTimeout, maxConcurrentCalls, migrationUrl, pooler);
    }
}
