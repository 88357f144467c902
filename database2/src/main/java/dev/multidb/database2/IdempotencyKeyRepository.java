package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY;
import static org.jooq.impl.DSL.select;

import dev.multidb.core.IdempotencyKeys;
import dev.multidb.core.LockWait;
import dev.multidb.core.StoredAnswer;
import dev.multidb.database2.jooq.tables.records.IdempotencyKeyRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** Idempotency-Keys of database2's writes (invoice create and pay), stored in the transaction of the write they guard. */
public final class IdempotencyKeyRepository implements IdempotencyKeys {

    private final DSLContext dsl;

    public IdempotencyKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<StoredAnswer> find(String keyHash) {
        return dsl.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY_HASH.eq(keyHash).and(IDEMPOTENCY_KEY.STATUS.isNotNull()))
                .fetchOptional()
                .map(IdempotencyKeyRepository::toAnswer);
    }

    @Override
    public Claim claim(String keyHash, String fingerprint, Instant at, Duration lockWait) {
        try {
            return LockWait.bounded(dsl, lockWait, () -> {
                dsl.insertInto(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY.KEY_HASH, IDEMPOTENCY_KEY.FINGERPRINT,
                                IDEMPOTENCY_KEY.CREATED_AT)
                        .values(keyHash, fingerprint, utc(at))
                        .execute();
                return Claim.CLAIMED;
            });
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                return Claim.TAKEN;
            }
            if (LockWait.timedOut(e)) {
                return Claim.IN_FLIGHT;
            }
            throw e;
        }
    }

    @Override
    public void complete(String keyHash, int status, String location, String body) {
        int updated = dsl.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.STATUS, status)
                .set(IDEMPOTENCY_KEY.LOCATION, location)
                .set(IDEMPOTENCY_KEY.BODY, body)
                .where(IDEMPOTENCY_KEY.KEY_HASH.eq(keyHash).and(IDEMPOTENCY_KEY.STATUS.isNull()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("idempotency key " + keyHash + " was not claimed in this transaction");
        }
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff, int limit) {
        return dsl.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.KEY_HASH.in(select(IDEMPOTENCY_KEY.KEY_HASH)
                        .from(IDEMPOTENCY_KEY)
                        .where(IDEMPOTENCY_KEY.CREATED_AT.lt(utc(cutoff)))
                        .orderBy(IDEMPOTENCY_KEY.CREATED_AT)
                        .limit(limit)))
                .execute();
    }

    private static StoredAnswer toAnswer(IdempotencyKeyRecord row) {
        return new StoredAnswer(row.getKeyHash(), row.getFingerprint(), row.getStatus(), row.getLocation(),
                row.getBody(), row.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    // datetime2 has no zone: times are stored as UTC, like the invoices'.
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
