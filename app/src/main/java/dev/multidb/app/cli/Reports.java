package dev.multidb.app.cli;

import dev.multidb.app.migrate.BaselineReport;
import dev.multidb.app.migrate.CleanReport;
import dev.multidb.app.migrate.MigrateReport;
import dev.multidb.app.migrate.ResetReport;
import dev.multidb.app.migrate.SeedReport;
import dev.multidb.app.migrate.ValidateReport;

/** One line per database for the commands' results. */
final class Reports {

    private Reports() {
    }

    static String migrated(MigrateReport report) {
        if (report.applied() == 0) {
            return report.database() + ": up to date at schema version " + version(report.toVersion());
        }
        return report.database() + ": migrated from schema version " + version(report.fromVersion()) + " to "
                + version(report.toVersion()) + " (" + plural(report.applied(), "migration") + " applied)";
    }

    static String seeded(SeedReport report) {
        if (report.applied() == 0) {
            return report.database() + ": seeds up to date";
        }
        return report.database() + ": seeded to version " + version(report.seedVersion()) + " ("
                + plural(report.applied(), "seed") + " applied)";
    }

    static String validated(ValidateReport report) {
        if (report.valid()) {
            return report.database() + ": valid at schema version " + version(report.schemaVersion());
        }
        return report.database() + ": INVALID: " + String.join(" | ", report.problems());
    }

    static String cleaned(CleanReport report) {
        return report.database() + ": cleaned " + (report.schemas().isEmpty() ? "nothing"
                : "schema " + String.join(", ", report.schemas()));
    }

    static String reset(ResetReport report) {
        return report.database() + ": reset to schema version " + version(report.schemaVersion()) + " ("
                + plural(report.applied(), "migration") + " applied)";
    }

    static String baselined(BaselineReport report) {
        return report.database() + ": baselined at schema version " + report.version() + " ("
                + report.description() + "); migrate applies only later migrations";
    }

    static String version(String version) {
        return version.isEmpty() ? "none" : version;
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
