package dev.multidb.app.migrate;

import java.util.Optional;

/** What {@code reset} did to one database: the schema version it migrated to, and the seeding when asked. */
public record ResetReport(String database, String schemaVersion, int applied, Optional<SeedReport> seeded) {
}
