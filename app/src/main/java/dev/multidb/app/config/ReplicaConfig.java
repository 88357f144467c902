package dev.multidb.app.config;

import dev.multidb.core.Engine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The read replicas of one database: PostgreSQL hot standbys that serve its reads.
 *
 * @param urls     JDBC URLs of the standbys ({@code DATABASE<n>_REPLICA_URLS}); empty: every read goes to the primary
 * @param user     the account reads use on them; blank: the database's own user and password
 * @param maxLag   how far behind the primary a replica may be and still serve a read that carries no token
 * @param maxWait  how long a read with a token waits for a replica to reach it before it reads the primary
 */
public record ReplicaConfig(List<String> urls, String user, Secret password, Duration maxLag, Duration maxWait) {

    public static final ReplicaConfig NONE = new ReplicaConfig(List.of(), "", Secret.NONE,
            Duration.ofMillis(1000), Duration.ofMillis(100));

    public ReplicaConfig {
        urls = List.copyOf(urls);
        user = user == null ? "" : user;
        password = password == null ? Secret.NONE : password;
    }

    public boolean configured() {
        return !urls.isEmpty();
    }

    /** Reads and checks database {@code name}'s replica keys; {@code primaryUrl} is its own (checked) URL. */
    static ReplicaConfig read(ConfigReader read, String name, String primaryUrl) {
        String urlsPath = ConfigLoader.path(name, "replica-urls");
        List<String> urls = Arrays.stream(read.string(urlsPath).split(",")).map(String::strip)
                .filter(url -> !url.isEmpty()).toList();
        String variable = EnvironmentVariables.nameOf(urlsPath);
        String primaryVariable = EnvironmentVariables.forDatabase(name, "url");
        if (!urls.isEmpty() && primaryUrl.isBlank()) {
            throw new ConfigurationException(variable + " is set, but " + primaryVariable + " is blank",
                    "set it to the primary's jdbc:postgresql: URL (the embedded default has no standbys)");
        }
        if (!urls.isEmpty() && Engine.ofUrl(primaryUrl).orElse(null) != Engine.POSTGRESQL) {
            throw new ConfigurationException(variable + " is set, but " + primaryVariable + " is not a "
                    + Engine.POSTGRESQL.urlPrefix() + " URL", "only PostgreSQL hot standbys can be replicas, so leave "
                    + variable + " blank");
        }
        for (String url : urls) {
            if (Engine.ofUrl(url).orElse(null) != Engine.POSTGRESQL) {
                throw new ConfigurationException(variable + " lists a URL that does not start with "
                        + Engine.POSTGRESQL.urlPrefix(), "list the JDBC URLs of PostgreSQL hot standbys,"
                        + " separated by commas");
            }
        }
        return new ReplicaConfig(urls,
                read.string(ConfigLoader.path(name, "replica-user")),
                new Secret(read.string(ConfigLoader.path(name, "replica-password"))),
                Duration.ofMillis(read.integer(ConfigLoader.path(name, "replica-max-lag-ms"), 0, Integer.MAX_VALUE)),
                Duration.ofMillis(read.integer(ConfigLoader.path(name, "replica-wait-ms"), 0, 10_000)));
    }
}
