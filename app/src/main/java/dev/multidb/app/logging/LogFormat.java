package dev.multidb.app.logging;

import dev.multidb.app.config.ConfigurationException;
import java.util.Locale;
import java.util.Map;

/** How logs are written: readable text (default) or one JSON object per line for log collectors. */
public enum LogFormat {
    TEXT, JSON;

    /** The variable that selects the format. */
    public static final String VARIABLE = "LOG_FORMAT";

    /**
     * The format {@code env} asks for.
     *
     * @throws ConfigurationException when {@code LOG_FORMAT} names no format
     */
    public static LogFormat of(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "").strip();
        if (value.isEmpty()) {
            return TEXT;
        }
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new ConfigurationException(VARIABLE + " is '" + value + "', not a log format", "set it to text or json");
    }

    /** The name in logback-<name>.xml, the file that configures this format. */
    public String appender() {
        return name().toLowerCase(Locale.ROOT);
    }
}
