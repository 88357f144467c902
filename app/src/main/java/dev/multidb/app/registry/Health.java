package dev.multidb.app.registry;

/**
 * What a readiness probe found for one database.
 *
 * @param up            the database answered a ping within its deadline
 * @param latencyMs     how long the probe took, answered or not
 * @param schemaVersion latest successful Flyway migration; null when down or never migrated
 */
public record Health(boolean up, long latencyMs, String schemaVersion) {
}
