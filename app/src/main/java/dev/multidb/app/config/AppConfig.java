package dev.multidb.app.config;

import java.util.List;
import java.util.NoSuchElementException;

/** The whole configuration, immutable once loaded. {@code environment} is development, test or production. */
public record AppConfig(
        String environment,
        int httpPort,
        boolean migrateOnStart,
        boolean seedOnStart,
        String dataDirectory,
        List<DatabaseConfig> databases) {

    public AppConfig {
        databases = List.copyOf(databases);
    }

    public boolean production() {
        return "production".equals(environment);
    }

    public DatabaseConfig database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no database named " + name + " is configured"));
    }
}
