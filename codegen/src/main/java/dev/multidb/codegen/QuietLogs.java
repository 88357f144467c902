package dev.multidb.codegen;

import java.util.Map;

/**
 * Keeps the tools' own logging (initdb, the PostgreSQL server, Flyway, jOOQ's banner and report) out of the
 * build log, so a run prints codegen's lines only; {@code -X} shows everything. Maven's SLF4J provider reads
 * a logger's level from system properties when the logger is first created, so this must run before the tools.
 */
final class QuietLogs {

    private static final Map<String, String> LEVELS = Map.of(
            "io.zonky.test", "warn",
            "org.flywaydb", "warn",
            // jOOQ warns that it knows PostgreSQL only up to an older version; the generated code is still right.
            "org.jooq", "error",
            "org.testcontainers", "warn",
            "tc", "warn",
            "com.github.dockerjava", "warn");

    private QuietLogs() {
    }

    static void apply(boolean debug) {
        if (debug) {
            return;
        }
        LEVELS.forEach((logger, level) -> {
            String key = "org.slf4j.simpleLogger.log." + logger;
            // A level the user set with -D wins.
            if (System.getProperty(key) == null) {
                System.setProperty(key, level);
            }
        });
    }
}
