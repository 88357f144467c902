package dev.multidb.database2;

import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DatabaseModule;
import dev.multidb.core.Engine;
import dev.multidb.database2.jooq.SchemaVersion;

/** database2: the invoices, on SQL Server (H2 in MODE=MSSQLServer by default). */
public final class Database2 implements DatabaseModule {

    /** Name, engine, migration and seed locations, and the schema version the generated classes describe. */
    public static final DatabaseDescriptor DESCRIPTOR =
            DatabaseDescriptor.conventional("database2", Engine.SQLSERVER, SchemaVersion.LATEST);

    /** For {@link java.util.ServiceLoader}, which finds this module through META-INF/services. */
    public Database2() {
    }

    @Override
    public DatabaseDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
