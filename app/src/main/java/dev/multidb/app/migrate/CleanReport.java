package dev.multidb.app.migrate;

import java.util.List;

/** The schemas {@code clean} emptied in one database. */
public record CleanReport(String database, List<String> schemas) {

    public CleanReport {
        schemas = List.copyOf(schemas);
    }
}
