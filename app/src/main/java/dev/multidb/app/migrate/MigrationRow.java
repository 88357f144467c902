package dev.multidb.app.migrate;

import java.time.Instant;

/**
 * One schema migration or seed as Flyway sees it.
 *
 * @param kind        a schema migration or a seed
 * @param version     empty for a repeatable script
 * @param state       Flyway's name for its state: Success, Pending, Failed, Missing ...
 * @param pending     on disk, not applied yet
 * @param installedOn null while not applied
 */
public record MigrationRow(Kind kind, String version, String description, String state, boolean pending,
                           Instant installedOn) {

    /** Schema migrations and seeds have separate histories. */
    public enum Kind { SCHEMA, SEED }

    public boolean applied() {
        return installedOn != null;
    }
}
