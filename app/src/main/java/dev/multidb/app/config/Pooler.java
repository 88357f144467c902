package dev.multidb.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What stands between the app and a database server ({@code DATABASE<n>_POOLER}). */
public enum Pooler {
    /** The app connects to the server itself and may keep session state on its connections. */
    NONE,
    /** PgBouncer in transaction pooling mode: no session state, no server-side prepared statements. */
    PGBOUNCER;

    /** The value as written in configuration. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Pooler> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.configValue().equals(value.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
