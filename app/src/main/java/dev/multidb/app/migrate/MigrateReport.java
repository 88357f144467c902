package dev.multidb.app.migrate;

/** What {@code migrate} did to one database; versions are empty for a database without schema. */
public record MigrateReport(String database, String fromVersion, String toVersion, int applied) {
}
