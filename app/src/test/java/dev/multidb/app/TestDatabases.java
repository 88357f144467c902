package dev.multidb.app;

import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import java.nio.file.Path;
import java.util.Map;

/** Descriptors over the test's sample migrations (two versions, one seed), under the configured database names. */
public final class TestDatabases {

    public static final DatabaseDescriptor SAMPLE_ON_POSTGRES = sample("database1", Engine.POSTGRESQL);
    public static final DatabaseDescriptor SAMPLE_ON_H2 = sample("database2", Engine.SQLSERVER);

    private TestDatabases() {
    }

    /** The environment of a test run whose embedded defaults live in {@code dataDirectory}. */
    public static Map<String, String> env(Path dataDirectory) {
        return Map.of("APP_ENV", "test", "DATA_DIRECTORY", dataDirectory.toString(), "HTTP_PORT", "0");
    }

    public static DatabaseDescriptor expecting(DatabaseDescriptor descriptor, String schemaVersion) {
        return new DatabaseDescriptor(descriptor.name(), descriptor.engine(), descriptor.migrationLocation(),
                descriptor.seedLocation(), schemaVersion);
    }

    private static DatabaseDescriptor sample(String name, Engine engine) {
        return new DatabaseDescriptor(name, engine, "classpath:db/sample/migration", "classpath:db/sample/seed", "2");
    }
}
