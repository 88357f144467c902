package dev.multidb.app.migrate;

import java.util.List;

/**
 * The state of one database.
 *
 * @param engine          postgresql, h2 or sqlserver, from the URL
 * @param schemaVersion   latest applied migration; empty for an empty database
 * @param expectedVersion the version the generated classes were built from
 * @param rows            every schema migration, then every seed
 */
public record InfoReport(String database, String engine, String schemaVersion, String expectedVersion,
                         List<MigrationRow> rows) {

    public InfoReport {
        rows = List.copyOf(rows);
    }

    public long pending(MigrationRow.Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind && r.pending()).count();
    }

    public long applied(MigrationRow.Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind && r.applied()).count();
    }
}
