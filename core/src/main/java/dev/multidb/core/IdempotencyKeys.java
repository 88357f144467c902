package dev.multidb.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The Idempotency-Keys stored in one database, beside the writes they guard. A key is claimed, the write done and
 * the key completed with its answer in one transaction, so the key exists exactly when the write committed.
 * Keys are passed as their hash (fixed width, and case-safe under SQL Server's case-insensitive collations).
 */
public interface IdempotencyKeys {

    /** The answer stored under {@code keyHash} by a committed write. */
    Optional<StoredAnswer> find(String keyHash);

    /**
     * Inserts the key, unanswered, in the caller's transaction. Waits at most {@code lockWait} for another open
     * transaction that inserted the same key: {@link Claim#IN_FLIGHT} when it is still open then, {@link Claim#TAKEN}
     * when it committed. Either leaves the caller's transaction unusable (PostgreSQL aborts it): roll it back.
     */
    Claim claim(String keyHash, String fingerprint, Instant at, Duration lockWait);

    /** Records the answer of the write the key guards, in the transaction that claimed it. */
    void complete(String keyHash, int status, String location, String body);

    /** Deletes at most {@code limit} keys created before {@code cutoff}, oldest first; how many went. */
    int purgeCreatedBefore(Instant cutoff, int limit);

    /** What {@link #claim} found. */
    enum Claim {
        /** The key is now held by the caller's transaction. */
        CLAIMED,
        /** A committed write already holds the key: {@link #find} has its answer. */
        TAKEN,
        /** A transaction that is still open holds the key. */
        IN_FLIGHT
    }
}
