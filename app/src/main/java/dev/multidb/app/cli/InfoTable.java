package dev.multidb.app.cli;

import dev.multidb.app.migrate.InfoReport;
import dev.multidb.app.migrate.MigrationRow;
import dev.multidb.app.migrate.MigrationRow.Kind;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code info}'s output: a summary line and a table of migrations and seeds per database. */
final class InfoTable {

    private static final List<String> HEADER = List.of("kind", "version", "description", "state", "installed on (UTC)");
    private static final DateTimeFormatter INSTALLED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private InfoTable() {
    }

    static String render(InfoReport report) {
        StringBuilder text = new StringBuilder()
                .append(report.database()).append(" (").append(report.engine()).append("): schema version ")
                .append(Reports.version(report.schemaVersion())).append(", code expects ")
                .append(report.expectedVersion()).append("; ")
                .append(Reports.plural(report.pending(Kind.SCHEMA), "pending migration")).append("; seeds: ")
                .append(report.applied(Kind.SEED)).append(" applied, ")
                .append(report.pending(Kind.SEED)).append(" pending\n");
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        report.rows().forEach(row -> lines.add(cells(row)));
        int[] widths = widths(lines);
        for (List<String> line : lines) {
            text.append(' ');
            for (int i = 0; i < line.size(); i++) {
                text.append(' ').append(i == line.size() - 1 ? line.get(i) : pad(line.get(i), widths[i]));
            }
            text.append('\n');
        }
        return text.toString().stripTrailing().replaceAll(" +\n", "\n");
    }

    private static List<String> cells(MigrationRow row) {
        return List.of(row.kind().name().toLowerCase(Locale.ROOT), row.version().isEmpty() ? "R" : row.version(),
                row.description(), row.state(), row.installedOn() == null ? "" : INSTALLED.format(row.installedOn()));
    }

    private static int[] widths(List<List<String>> lines) {
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        return widths;
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length() + 1);
    }
}
