package dev.multidb.app.migrate;

import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/** Flyway's multi-line reports cut to one line: its headline, the engine's message, the file and line. */
final class FlywayMessages {

    private FlywayMessages() {
    }

    /** Flyway's headline and the engine's message. */
    static String summary(FlywayException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String headline = message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("-"))
                .findFirst().orElse(message);
        String line = field(message, "Line").map(l -> " at line " + l).orElse("");
        return headline + field(message, "Message").filter(m -> !headline.contains(m))
                .map(m -> line + " (" + m + ")").orElse(line);
    }

    /** The failing statement's file, line and the engine's message. */
    static String statement(FlywaySqlScriptException e) {
        return file(e) + " at line " + e.getLineNumber() + ": " + firstLine(e.getCause() == null
                ? e.getMessage() : e.getCause().getMessage());
    }

    static String file(FlywaySqlScriptException e) {
        return e.getResource() == null ? "the script" : e.getResource().getFilename();
    }

    /** The driver's own words: the first line of the SQL exception, or of the innermost cause. */
    static String root(Throwable e) {
        Optional<SQLException> sql = MigrationFailures.find(e, SQLException.class);
        if (sql.isPresent()) {
            return firstLine(sql.get().getMessage());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElse("");
    }

    // Flyway's report lists "Name : value" lines under its headline.
    private static Optional<String> field(String message, String name) {
        return message.lines().map(String::strip)
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + ":"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst();
    }
}
