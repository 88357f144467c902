package dev.multidb.core;

import java.time.Instant;

/** The answer a write gave, stored under its Idempotency-Key; {@code location} may be null. */
public record StoredAnswer(String keyHash, String fingerprint, int status, String location, String body,
        Instant createdAt) {
}
