package dev.multidb.app.config;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The whole configuration, immutable once loaded. {@code environment} is development, test or production;
 * {@code shutdownGrace} bounds how long requests in flight may take to finish once the app is told to stop.
 */
public record AppConfig(
        String environment,
        int httpPort,
        boolean migrateOnStart,
        boolean seedOnStart,
        String dataDirectory,
        List<DatabaseConfig> databases,
        Duration shutdownGrace) {

    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    public AppConfig {
        databases = List.copyOf(databases);
    }

    public AppConfig(String environment, int httpPort, boolean migrateOnStart, boolean seedOnStart,
            String dataDirectory, List<DatabaseConfig> databases) {
        this(environment, httpPort, migrateOnStart, seedOnStart, dataDirectory, databases, DEFAULT_SHUTDOWN_GRACE);
    }

    public boolean production() {
        return "production".equals(environment);
    }

    public DatabaseConfig database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no database named " + name + " is configured"));
    }
}
