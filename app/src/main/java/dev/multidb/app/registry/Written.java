package dev.multidb.app.registry;

import java.util.Optional;

/**
 * What a write returned, and where its commit ends in the database's WAL when the database has replicas (a
 * {@link ConsistencyToken} the client sends back to read its own write).
 */
public record Written<T>(T value, Optional<ConsistencyToken> token) {
}
