package dev.multidb.app.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/** {@code LOG_LEVEL}: one of Logback's level names, any case; anything else is refused, not read as DEBUG. */
public final class LogLevel {

    private static final List<String> NAMES = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    // logback.xml keeps Flyway at WARN so that INFO stays quiet; DEBUG and TRACE must reach it all the same.
    private static final String FLYWAY = "org.flywaydb";

    private LogLevel() {
    }

    /** The level {@code LOG_LEVEL} names; empty when it is unset or blank. */
    public static Optional<Level> of(Map<String, String> env) {
        String value = env.getOrDefault("LOG_LEVEL", "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!NAMES.contains(value.toUpperCase(Locale.ROOT))) {
            throw new ConfigurationException("LOG_LEVEL is '" + value + "', not a log level",
                    "set it to " + String.join(", ", NAMES.subList(0, NAMES.size() - 1)) + " or " + NAMES.getLast()
                            + ", in any case");
        }
        return Optional.of(Level.toLevel(value));
    }

    /** Lets {@code LOG_LEVEL=DEBUG} or {@code TRACE} reach Flyway's logger too. */
    public static void apply(Map<String, String> env) {
        of(env).filter(level -> !level.isGreaterOrEqual(Level.INFO))
                .ifPresent(level -> ((Logger) LoggerFactory.getLogger(FLYWAY)).setLevel(level));
    }
}
