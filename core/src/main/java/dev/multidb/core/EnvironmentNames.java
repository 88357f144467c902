package dev.multidb.core;

import java.util.List;
import java.util.Locale;

/** The one rule that names an environment variable after a configuration path: upper case, '_' for '-' and '.'. */
public final class EnvironmentNames {

    private EnvironmentNames() {
    }

    /** {@code [database1, pool-size]} is {@code DATABASE1_POOL_SIZE}. */
    public static String of(List<String> pathElements) {
        return String.join("_", pathElements).replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The variable that holds database {@code database}'s {@code key}, e.g. {@code DATABASE1_URL}. */
    public static String forDatabase(String database, String key) {
        return of(List.of(database, key));
    }
}
