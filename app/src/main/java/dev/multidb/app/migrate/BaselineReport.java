package dev.multidb.app.migrate;

/** The version {@code baseline} started one database's schema history at. */
public record BaselineReport(String database, String version, String description) {
}
