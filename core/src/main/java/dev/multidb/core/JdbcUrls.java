package dev.multidb.core;

import java.util.Locale;
import java.util.Optional;

/** What a JDBC URL points at, by its prefix: the one place that knows the URL forms multidb accepts. */
public final class JdbcUrls {

    public static final String POSTGRESQL = "postgresql";
    public static final String SQLSERVER = "sqlserver";
    public static final String H2 = "h2";

    private JdbcUrls() {
    }

    /** {@code postgresql}, {@code sqlserver} or {@code h2}; empty for any other URL. */
    public static Optional<String> engine(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        for (String engine : new String[] {POSTGRESQL, SQLSERVER, H2}) {
            if (url.startsWith("jdbc:" + engine + ":")) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }
}
