package dev.multidb.app.migrate;

import java.util.Optional;
import org.flywaydb.core.api.FlywayException;

/** A migration command that failed or was refused. The message is one line: what is wrong; what to do. */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Flyway's multi-line report cut to its headline and the engine's message, then {@code advice}. */
    static MigrationException from(String database, String operation, FlywayException e, String advice) {
        return new MigrationException(database + ": " + operation + " failed: " + summary(e) + "; " + advice, e);
    }

    private static String summary(FlywayException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String headline = message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("-"))
                .findFirst().orElse(message);
        String line = field(message, "Line").map(l -> " at line " + l).orElse("");
        String summary = headline + field(message, "Message").filter(m -> !headline.contains(m))
                .map(m -> line + " (" + m + ")").orElse(line);
        // The line ends with "; <what to do>", so Flyway's own semicolons must not look like the separator.
        return summary.replace(';', ',');
    }

    // Flyway's report lists "Name : value" lines under its headline.
    private static Optional<String> field(String message, String name) {
        return message.lines().map(String::strip)
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst();
    }
}
