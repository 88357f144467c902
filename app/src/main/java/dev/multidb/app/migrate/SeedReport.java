package dev.multidb.app.migrate;

/** What {@code seed} did to one database: seeds applied now, and the latest seed version applied. */
public record SeedReport(String database, int applied, String seedVersion) {
}
