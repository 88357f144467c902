package dev.multidb.app.config;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The whole configuration, immutable once loaded. {@code environment} is development, test or production;
 * {@code shutdownGrace} bounds how long requests in flight may take to finish once the app is told to stop;
 * {@code idempotencyKeyTtl} how long Idempotency-Keys are kept before they are purged.
 */
public record AppConfig(
        String environment,
        int httpPort,
        boolean migrateOnStart,
        boolean seedOnStart,
        String dataDirectory,
        List<DatabaseConfig> databases,
        Duration shutdownGrace,
        Duration idempotencyKeyTtl) {

    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** How long Idempotency-Keys are kept when {@code IDEMPOTENCY_KEY_TTL_HOURS} does not say. */
    public static final Duration DEFAULT_IDEMPOTENCY_KEY_TTL = Duration.ofHours(24);

    public AppConfig {
        databases = List.copyOf(databases);
    }

    public AppConfig(String environment, int httpPort, boolean migrateOnStart, boolean seedOnStart,
            String dataDirectory, List<DatabaseConfig> databases) {
        this(environment, httpPort, migrateOnStart, seedOnStart, dataDirectory, databases, DEFAULT_SHUTDOWN_GRACE);
    }

    /** With the default time to live for Idempotency-Keys. */
    public AppConfig(String environment, int httpPort, boolean migrateOnStart, boolean seedOnStart,
            String dataDirectory, List<DatabaseConfig> databases, Duration shutdownGrace) {
        this(environment, httpPort, migrateOnStart, seedOnStart, dataDirectory, databases, shutdownGrace,
                DEFAULT_IDEMPOTENCY_KEY_TTL);
    }

    public boolean production() {
        return "production".equals(environment);
    }

    public DatabaseConfig database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no database named " + name + " is configured"));
    }
}
