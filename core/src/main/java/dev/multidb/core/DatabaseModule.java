package dev.multidb.core;

/**
 * A database module, found at start with {@link java.util.ServiceLoader}: its jar lists the implementing class in
 * {@code META-INF/services/dev.multidb.core.DatabaseModule} and brings its configuration defaults in a
 * {@code reference.conf} ({@code databases.<name> = ${database-defaults}}).
 */
public interface DatabaseModule {

    /** Name, engine, migration and seed locations, and the schema version the module's generated classes describe. */
    DatabaseDescriptor descriptor();
}
