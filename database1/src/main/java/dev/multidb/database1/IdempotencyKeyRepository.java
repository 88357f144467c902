package dev.multidb.database1;

import static dev.multidb.database1.jooq.Tables.IDEMPOTENCY_KEY;

import dev.multidb.core.IdempotencyKeyStore;
import dev.multidb.core.IdempotencyKeyTable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Idempotency-Keys of database1's writes, stored in the transaction of the write they guard. */
public final class IdempotencyKeyRepository extends IdempotencyKeyStore<OffsetDateTime> {

    private static final IdempotencyKeyTable<OffsetDateTime> KEYS = new IdempotencyKeyTable<>(IDEMPOTENCY_KEY,
            IDEMPOTENCY_KEY.KEY_HASH, IDEMPOTENCY_KEY.FINGERPRINT, IDEMPOTENCY_KEY.STATUS, IDEMPOTENCY_KEY.LOCATION,
            IDEMPOTENCY_KEY.BODY, IDEMPOTENCY_KEY.CREATED_AT, at -> at.atOffset(ZoneOffset.UTC),
            OffsetDateTime::toInstant);

    public IdempotencyKeyRepository(DSLContext dsl) {
        super(dsl, KEYS);
    }
}
