package dev.multidb.core;

import java.util.Arrays;
import java.util.Locale;
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
        String engine = JdbcUrls.engine(jdbcUrl).orElseThrow(() -> new UnsupportedDialectException(database
                + ": unsupported JDBC URL '" + redact(jdbcUrl)
                + "'. Use a URL starting with jdbc:postgresql:, jdbc:sqlserver: or jdbc:h2:."));
        return switch (engine) {
            case JdbcUrls.POSTGRESQL -> SQLDialect.POSTGRES;
            case JdbcUrls.H2 -> SQLDialect.H2;
            default -> byName("SQLSERVER").orElseThrow(() -> new UnsupportedDialectException(database
                    + ": jOOQ Open Source Edition has no SQL Server dialect. Build with -Djooq.groupId=org.jooq.pro"
                    + " (licensed) or point " + envPrefix(database) + "_URL at H2."));
        };
    }

    /** The dialect of this jOOQ edition called {@code name}, if the edition has it. */
    public static Optional<SQLDialect> byName(String name) {
        return Arrays.stream(SQLDialect.values()).filter(d -> d.name().equals(name)).findFirst();
    }

    private static String envPrefix(String database) {
        return database.toUpperCase(Locale.ROOT).replace('-', '_');
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
