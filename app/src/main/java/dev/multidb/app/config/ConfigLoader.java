package dev.multidb.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import dev.multidb.app.logging.LogFormat;
import dev.multidb.core.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link AppConfig} from {@code application.conf}: the shared values, the block of the
 * environment named by {@code APP_ENV}, then environment variables on top. The environment is a
 * parameter, so tests pass a map and {@code Main} passes {@code System.getenv()}.
 */
public final class ConfigLoader {

    /** The environments {@code APP_ENV} may name; the first is the default. */
    public static final List<String> ENVIRONMENTS = List.of("development", "test", "production");

    private ConfigLoader() {
    }

    /** The configuration from {@code application.conf} on the classpath and {@code env}. */
    public static AppConfig load(Map<String, String> env) {
        return load(ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "application.conf"), env);
    }

    /**
     * The configuration from {@code file} (the parsed contents of an {@code application.conf}), the
     * {@code reference.conf} of core and of every database module on the class path, and {@code env}.
     */
    public static AppConfig load(Config file, Map<String, String> env) {
        String environment = environment(env);
        LogFormat.of(env);
        LogLevel.of(env);
        // Unresolved, so that database-defaults set in application.conf reach the modules' blocks too.
        Config shared = file.withFallback(ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(),
                "reference.conf")).resolve();
        Config effective = EnvironmentVariables.apply(shared.getConfig("environments." + environment)
                .withFallback(shared.withoutPath("environments").withoutPath("database-defaults")), env);
        ConfigReader read = new ConfigReader(effective);
        List<DatabaseConfig> databases = effective.getObject("databases").keySet().stream().sorted()
                .map(name -> database(read, name))
                .toList();
        return new AppConfig(environment,
                read.integer("http-port", 0, 65535),
                read.bool("migrate-on-start"),
                read.bool("seed-on-start"),
                read.string("data-directory"),
                databases,
                Duration.ofMillis(read.integer("shutdown-grace-ms", 0, Integer.MAX_VALUE)),
                Duration.ofHours(read.integer("idempotency-key-ttl-hours", 1, 87_600)));
    }

    private static String environment(Map<String, String> env) {
        String value = env.getOrDefault("APP_ENV", "").strip();
        if (value.isEmpty()) {
            return ENVIRONMENTS.getFirst();
        }
        if (!ENVIRONMENTS.contains(value)) {
            throw new ConfigurationException("APP_ENV is '" + value + "', not a known environment", "set it to "
                    + String.join(", ", ENVIRONMENTS.subList(0, 2)) + " or " + ENVIRONMENTS.getLast());
        }
        return value;
    }

    private static DatabaseConfig database(ConfigReader read, String name) {
        String url = read.string(path(name, "url")).strip();
        checkUrl(path(name, "url"), url);
        checkUrl(path(name, "migration-url"), read.string(path(name, "migration-url")).strip());
        String user = read.string(path(name, "user"));
        Secret password = new Secret(read.string(path(name, "password")));
        String migrationUser = read.string(path(name, "migration-user"));
        Secret migrationPassword = new Secret(read.string(path(name, "migration-password")));
        if (migrationUser.isBlank()) {
            migrationUser = user;
            migrationPassword = password;
        }
        return new DatabaseConfig(name, url, user, password, migrationUser, migrationPassword,
                read.integer(path(name, "pool-size"), 1, 10_000),
                Duration.ofMillis(read.integer(path(name, "statement-timeout-ms"), 1, Integer.MAX_VALUE)),
                // HikariCP refuses a connection timeout under 250 ms.
                Duration.ofMillis(read.integer(path(name, "connection-timeout-ms"), 250, Integer.MAX_VALUE)),
                read.integer(path(name, "max-concurrent-calls"), 1, 100_000),
                read.string(path(name, "migration-url")).strip(),
                pooler(read, name, url),
                ReplicaConfig.read(read, name, url));
    }

    private static Pooler pooler(ConfigReader read, String name, String url) {
        String variable = EnvironmentVariables.forDatabase(name, "pooler");
        String value = read.string(path(name, "pooler"));
        Pooler pooler = Pooler.parse(value).orElseThrow(() -> new ConfigurationException(variable + " is '" + value
                + "', not a known pooler", "set it to none or pgbouncer"));
        // PgBouncer speaks PostgreSQL's protocol only, and the embedded default has none in front of it.
        if (pooler == Pooler.PGBOUNCER && Engine.ofUrl(url).filter(e -> e == Engine.POSTGRESQL).isEmpty()) {
            throw new ConfigurationException(variable + " is pgbouncer, but " + EnvironmentVariables.forDatabase(name,
                    "url") + " is not a jdbc:postgresql: URL", "point it at PgBouncer or set the pooler to none");
        }
        return pooler;
    }

    // A URL missing in production is the selected databases' business (DatabaseUrls), so that all show at once.
    private static void checkUrl(String path, String url) {
        if (!url.isEmpty() && Engine.ofUrl(url).isEmpty()) {
            throw new ConfigurationException(EnvironmentVariables.nameOf(path) + " starts with '" + scheme(url)
                    + "', which multidb cannot use", "give a URL starting with " + Engine.urlPrefixes(", ")
                    + " or leave it blank for the embedded default");
        }
    }

    // A URL may carry a password as a parameter; only its scheme is safe to repeat.
    private static String scheme(String url) {
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        return second < 0 ? url.substring(0, Math.min(url.length(), 12)) : url.substring(0, second + 1);
    }

    static String path(String database, String key) {
        return ConfigUtil.joinPath("databases", database, key);
    }
}
