package dev.multidb.core;

import static org.jooq.impl.DSL.select;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** {@link IdempotencyKeys} over one module's generated table: the same queries for every database module. */
public class IdempotencyKeyStore<T> implements IdempotencyKeys {

    private final DSLContext dsl;
    private final IdempotencyKeyTable<T> keys;

    protected IdempotencyKeyStore(DSLContext dsl, IdempotencyKeyTable<T> keys) {
        this.dsl = dsl;
        this.keys = keys;
    }

    @Override
    public Optional<StoredAnswer> find(String keyHash) {
        return dsl.select(keys.keyHash(), keys.fingerprint(), keys.status(), keys.location(), keys.body(),
                        keys.createdAt())
                .from(keys.table())
                .where(keys.keyHash().eq(keyHash).and(keys.status().isNotNull()))
                .fetchOptional()
                .map(this::toAnswer);
    }

    @Override
    public Claim claim(String keyHash, String fingerprint, Instant at, Duration lockWait) {
        try {
            return LockWait.bounded(dsl, lockWait, () -> {
                dsl.insertInto(keys.table(), keys.keyHash(), keys.fingerprint(), keys.createdAt())
                        .values(keyHash, fingerprint, keys.toColumn().apply(at))
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
        int updated = dsl.update(keys.table())
                .set(keys.status(), status)
                .set(keys.location(), location)
                .set(keys.body(), body)
                .where(keys.keyHash().eq(keyHash).and(keys.status().isNull()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("idempotency key " + keyHash + " was not claimed in this transaction");
        }
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff, int limit) {
        T before = keys.toColumn().apply(cutoff);
        return dsl.deleteFrom(keys.table())
                .where(keys.keyHash().in(select(keys.keyHash())
                        .from(keys.table())
                        .where(keys.createdAt().lt(before))
                        .orderBy(keys.createdAt())
                        .limit(limit)))
                .execute();
    }

    private StoredAnswer toAnswer(Record row) {
        return new StoredAnswer(row.get(keys.keyHash()), row.get(keys.fingerprint()), row.get(keys.status()),
                row.get(keys.location()), row.get(keys.body()), keys.fromColumn().apply(row.get(keys.createdAt())));
    }
}
