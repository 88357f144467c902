package dev.multidb.codegen.engines;

import java.util.List;
import java.util.Locale;

/**
 * One database engine codegen can provision: an embedded default that needs no install, and a
 * Testcontainers image for where a Docker engine answers. Adding an engine means adding one class here.
 */
public interface Engine {

    /** The name used in the plugin configuration: {@code <engine>postgresql</engine>}. */
    String id();

    /** Starts the embedded default; must leave nothing behind once closed. */
    ProvisionedDatabase embedded() throws Exception;

    /** Starts a container of the production engine. */
    ProvisionedDatabase container();

    /** The JDBC URL prefix of the embedded default, e.g. {@code jdbc:h2:}: it decides jOOQ's meta database. */
    String embeddedUrlPrefix();

    /** The JDBC URL prefix of the production engine, e.g. {@code jdbc:sqlserver:}. */
    String productionUrlPrefix();

    static List<Engine> all() {
        return List.of(new PostgresEngine(), new SqlServerEngine());
    }

    static Engine byId(String id) {
        String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
        return all().stream().filter(e -> e.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("codegen: unknown engine '" + id
                        + "'. Set the plugin's <engine> to one of " + all().stream().map(Engine::id).toList() + "."));
    }
}
