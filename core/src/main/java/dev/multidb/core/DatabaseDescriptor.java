package dev.multidb.core;

import java.util.Objects;

/**
 * What the app needs to know about one database module: its name, the engine it is written for,
 * where its migrations and seeds live on the classpath, and the schema version its generated
 * classes were built from.
 */
public record DatabaseDescriptor(
        String name,
        Engine engine,
        String migrationLocation,
        String seedLocation,
        String schemaVersion) {

    public DatabaseDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(migrationLocation, "migrationLocation");
        Objects.requireNonNull(seedLocation, "seedLocation");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
    }

    /** The conventional layout: {@code classpath:db/<name>/migration} and {@code classpath:db/<name>/seed}. */
    public static DatabaseDescriptor conventional(String name, Engine engine, String schemaVersion) {
        return new DatabaseDescriptor(name, engine,
                "classpath:db/" + name + "/migration", "classpath:db/" + name + "/seed", schemaVersion);
    }
}
