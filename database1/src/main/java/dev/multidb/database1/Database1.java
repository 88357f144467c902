package dev.multidb.database1;

import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DatabaseModule;
import dev.multidb.core.Engine;
import dev.multidb.database1.jooq.SchemaVersion;

/** database1: the customers, on PostgreSQL. */
public final class Database1 implements DatabaseModule {

    /** Name, engine, migration and seed locations, and the schema version the generated classes describe. */
    public static final DatabaseDescriptor DESCRIPTOR =
            DatabaseDescriptor.conventional("database1", Engine.POSTGRESQL, SchemaVersion.LATEST);

    /** For {@link java.util.ServiceLoader}, which finds this module through META-INF/services. */
    public Database1() {
    }

    @Override
    public DatabaseDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
