package dev.multidb.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;
import dev.multidb.core.EnvironmentNames;
import java.util.List;
import java.util.Map;

/**
 * Environment variables that override configuration values. Each value's variable is named after
 * its path: {@code http-port} is {@code HTTP_PORT}, {@code databases.database1.pool-size} is
 * {@code DATABASE1_POOL_SIZE}. One rule for every key, so a new database block gets its variables for free.
 */
public final class EnvironmentVariables {

    private static final String DATABASES = "databases";

    private EnvironmentVariables() {
    }

    /** The variable that overrides {@code path}. */
    public static String nameOf(String path) {
        List<String> elements = ConfigUtil.splitPath(path);
        if (elements.size() > 1 && elements.getFirst().equals(DATABASES)) {
            elements = elements.subList(1, elements.size());
        }
        return EnvironmentNames.of(elements);
    }

    /** The variable that holds database {@code database}'s {@code key}, e.g. {@code DATABASE1_URL}. */
    public static String forDatabase(String database, String key) {
        return nameOf(ConfigUtil.joinPath(DATABASES, database, key));
    }

    /** {@code config} with every value whose variable is set (and not blank) in {@code env} replaced by it. */
    static Config apply(Config config, Map<String, String> env) {
        Config result = config;
        for (String path : config.entrySet().stream().map(Map.Entry::getKey).sorted().toList()) {
            String name = nameOf(path);
            String value = env.get(name);
            // Blank counts as unset: container tools often pass empty variables for "not configured".
            if (value != null && !value.isBlank()) {
                result = result.withValue(path, ConfigValueFactory.fromAnyRef(value, "environment variable " + name));
            }
        }
        return result;
    }
}
