package dev.multidb.app.migrate;

import dev.multidb.app.migrate.MigrationRow.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateResult;

/** Flyway's views of a history turned into our values: versions, rows, validation problems. */
final class FlywayInfo {

    // Not "not applied": a migration below a baseline is neither applied nor pending.
    private static final Set<MigrationState> PENDING = Set.of(MigrationState.PENDING, MigrationState.OUTDATED);

    private FlywayInfo() {
    }

    static List<MigrationRow> rows(Kind kind, MigrationInfo[] infos) {
        List<MigrationRow> rows = new ArrayList<>();
        for (MigrationInfo info : infos) {
            // The seed history's baseline row is bookkeeping, not a seed.
            if (kind == Kind.SEED && info.getType() == CoreMigrationType.BASELINE) {
                continue;
            }
            rows.add(new MigrationRow(kind, info.getVersion() == null ? "" : info.getVersion().getVersion(),
                    info.getDescription(), info.getState().getDisplayName(), PENDING.contains(info.getState()),
                    info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant()));
        }
        return rows;
    }

    static String problem(ValidateResult result) {
        // The overall message only says that validation failed; each invalid migration says why.
        String message = result.invalidMigrations.stream()
                .filter(m -> m.errorDetails != null && m.errorDetails.errorMessage != null)
                .map(m -> m.errorDetails.errorMessage)
                .findFirst()
                .orElse(result.errorDetails == null ? "" : String.valueOf(result.errorDetails.errorMessage));
        return message.lines().findFirst().orElse("").strip();
    }

    /** The schema version: a schema baseline counts (the schema it adopted is that version), the seeds' does not. */
    static String version(MigrationInfo current, Kind kind) {
        boolean none = current == null || kind == Kind.SEED && current.getType() == CoreMigrationType.BASELINE;
        MigrationVersion version = none ? null : current.getVersion();
        return version == null ? "" : version.getVersion();
    }
}
