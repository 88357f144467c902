package dev.multidb.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A database engine, and everything multidb knows about it in one place: its JDBC URL prefix, its
 * jOOQ dialect and meta database, whether its driver can abort a connection, how a connection gets
 * its statement deadline, and what stands in for it when no URL is configured.
 *
 * <p>A database module names the engine it is written for; a configured URL names the engine it
 * runs on ({@link #ofUrl}). H2 is both a stand-in (for SQL Server, in its SQL Server mode) and an
 * engine a module may be written for.
 */
public enum Engine {
    POSTGRESQL("postgresql", "PostgreSQL", "POSTGRES", "org.jooq.meta.postgres.PostgresDatabase", "public", true, ""),
    SQLSERVER("sqlserver", "SQL Server", "SQLSERVER", "org.jooq.meta.sqlserver.SQLServerDatabase", "dbo", true,
            "MSSQLServer"),
    H2("h2", "H2", "H2", "org.jooq.meta.h2.H2Database", "PUBLIC", false, "");

    private final String id;
    private final String displayName;
    private final String dialectName;
    private final String metaDatabaseClass;
    private final String defaultSchema;
    private final boolean driverCanAbort;
    private final String h2Mode;

    Engine(String id, String displayName, String dialectName, String metaDatabaseClass, String defaultSchema,
            boolean driverCanAbort, String h2Mode) {
        this.id = id;
        this.displayName = displayName;
        this.dialectName = dialectName;
        this.metaDatabaseClass = metaDatabaseClass;
        this.defaultSchema = defaultSchema;
        this.driverCanAbort = driverCanAbort;
        this.h2Mode = h2Mode;
    }

    /** Lower-case name used in configuration, logs and JSON; also the second part of its JDBC URLs. */
    public String id() {
        return id;
    }

    /** The name people know it by: {@code PostgreSQL}, {@code SQL Server}, {@code H2}. */
    public String displayName() {
        return displayName;
    }

    /** {@code jdbc:<id>:}, how every URL of this engine starts. */
    public String urlPrefix() {
        return "jdbc:" + id + ":";
    }

    /** The engine {@code jdbcUrl} points at, by its prefix, ignoring case; empty for any other URL. */
    public static Optional<Engine> ofUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> url.startsWith(e.urlPrefix())).findFirst();
    }

    /** Every accepted prefix, for messages: with {@code " or "}, {@code jdbc:postgresql:, jdbc:sqlserver: or jdbc:h2:}. */
    public static String urlPrefixes(String beforeLast) {
        String all = Arrays.stream(values()).map(Engine::urlPrefix).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + beforeLast + all.substring(last + 2);
    }

    /** The name of jOOQ's {@code SQLDialect} for this engine (not every jOOQ edition has every dialect). */
    public String dialectName() {
        return dialectName;
    }

    /** jOOQ's meta database class that reads this engine's schema over JDBC, and the schema it reads. */
    public String metaDatabaseClass() {
        return metaDatabaseClass;
    }

    public String defaultSchema() {
        return defaultSchema;
    }

    /** Whether {@code Connection.abort} closes the socket at once (pgjdbc, mssql-jdbc); H2's abort does nothing. */
    public boolean driverCanAbort() {
        return driverCanAbort;
    }

    /**
     * Socket-level bounds, so that a server that stops answering (not just stops) cannot hold a connection
     * forever. H2's client has none: such calls are bounded from outside JDBC.
     */
    public Map<String, String> driverTimeouts(Duration statementTimeout, Duration read, Duration connect) {
        return switch (this) {
            case POSTGRESQL -> Map.of(
                    "socketTimeout", String.valueOf(ceilSeconds(read)),
                    "connectTimeout", String.valueOf(ceilSeconds(connect)),
                    "loginTimeout", String.valueOf(ceilSeconds(connect)));
            case SQLSERVER -> Map.of(
                    "queryTimeout", String.valueOf(ceilSeconds(statementTimeout)),
                    "socketTimeout", String.valueOf(read.toMillis()),
                    "loginTimeout", String.valueOf(ceilSeconds(connect)));
            case H2 -> Map.of();
        };
    }

    /**
     * The statement deadline as a setting of each pooled connection, enforced by the server (PostgreSQL) or the
     * engine (H2), at no cost per statement. JDBC's {@code setQueryTimeout} instead arms a client-side timer per
     * statement, and pgjdbc's sends its cancel on a new connection from one JVM-wide timer thread, holding the
     * statement's connection locked: against a hung server that blocks every statement's timer behind it.
     * mssql-jdbc applies its {@code queryTimeout} property to every statement by itself (see driverTimeouts).
     */
    public Optional<String> statementTimeoutSql(Duration timeout) {
        return switch (this) {
            case POSTGRESQL -> Optional.of("SET statement_timeout = " + timeout.toMillis());
            case H2 -> Optional.of("SET QUERY_TIMEOUT " + timeout.toMillis());
            case SQLSERVER -> Optional.empty();
        };
    }

    /** What runs a database written for this engine when no URL is given: PostgreSQL itself, or H2. */
    public Engine embeddedStandIn() {
        return this == POSTGRESQL ? POSTGRESQL : H2;
    }

    /** The H2 compatibility mode that stands in for this engine ({@code MSSQLServer}); empty for none. */
    public Optional<String> h2Mode() {
        return h2Mode.isEmpty() ? Optional.empty() : Optional.of(h2Mode);
    }

    /**
     * Why a module written for this engine cannot run on {@code jdbcUrl}, as "is ..., but NAME is written for
     * ...; what to do" with {@code %s} for the module's name; empty when it can. A URL of no known engine is
     * left to the configuration check that refuses it.
     */
    public Optional<String> misfit(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        Engine runsOn = ofUrl(url).orElse(this);
        if (runsOn == this) {
            return Optional.empty();
        }
        String written = ", but %s is written for " + displayName + "; ";
        if (h2Mode.isEmpty()) {
            return Optional.of("is not a " + urlPrefix() + " URL" + written + "point it at a " + displayName
                    + " server");
        }
        String standIn = ";MODE=" + h2Mode;
        if (runsOn == H2) {
            return url.contains(standIn.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("is an H2 URL without MODE=" + h2Mode + written + "add " + standIn + " to it");
        }
        return Optional.of("is a " + runsOn.displayName + " URL" + written + "give a " + urlPrefix() + " or "
                + H2.urlPrefix() + "..." + standIn + " URL");
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
