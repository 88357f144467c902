package dev.multidb.app.migrate;

import java.util.List;

/** Whether one database matches the migrations on disk and the generated code; each problem says what to do. */
public record ValidateReport(String database, String schemaVersion, List<String> problems) {

    public ValidateReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
