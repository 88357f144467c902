package dev.multidb.core;

import java.util.Arrays;
import java.util.Optional;
import org.jooq.SQLDialect;

/**
 * Maps a JDBC URL to the jOOQ dialect that renders SQL for it.
 *
 * <p>Dialects are looked up by name at run time: the Open Source Edition's {@link SQLDialect} has no
 * {@code SQLSERVER}, so referring to it as a constant would not compile there.
 */
public final class DialectResolver {

    private DialectResolver() {
    }

    /**
     * The dialect for {@code jdbcUrl}, used by database {@code database}.
     *
     * @throws UnsupportedDialectException when the URL's engine is unknown or this jOOQ edition lacks its dialect
     */
    public static SQLDialect resolve(String database, String jdbcUrl) {
        Engine engine = engine(database, jdbcUrl);
        return byName(engine.dialectName()).orElseThrow(() -> new UnsupportedDialectException(database
                + ": jOOQ Open Source Edition has no SQL Server dialect. Build with -Djooq.groupId=org.jooq.pro"
                + " (licensed) or point " + EnvironmentNames.forDatabase(database, "url") + " at H2."));
    }

    /**
     * The engine {@code jdbcUrl} points at.
     *
     * @throws UnsupportedDialectException when no engine multidb knows has URLs like it
     */
    public static Engine engine(String database, String jdbcUrl) {
        return Engine.ofUrl(jdbcUrl).orElseThrow(() -> new UnsupportedDialectException(database
                + ": unsupported JDBC URL '" + redact(jdbcUrl) + "'. Use a URL starting with "
                + Engine.urlPrefixes(" or ") + "."));
    }

    /** The dialect of this jOOQ edition called {@code name}, if the edition has it. */
    public static Optional<SQLDialect> byName(String name) {
        return Arrays.stream(SQLDialect.values()).filter(d -> d.name().equals(name)).findFirst();
    }

    // A URL may carry a password as a parameter; only its scheme is safe to repeat.
    private static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        int second = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
        return second < 0 ? jdbcUrl : jdbcUrl.substring(0, second + 1) + "...";
    }
}
