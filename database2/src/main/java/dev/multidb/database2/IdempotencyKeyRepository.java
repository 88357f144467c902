package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY;

import dev.multidb.core.IdempotencyKeyStore;
import dev.multidb.core.IdempotencyKeyTable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Idempotency-Keys of database2's writes (invoice create and pay), stored in the transaction of the write they guard. */
public final class IdempotencyKeyRepository extends IdempotencyKeyStore<LocalDateTime> {

    // datetime2 has no zone: times are stored as UTC, like the invoices'.
    private static final IdempotencyKeyTable<LocalDateTime> KEYS = new IdempotencyKeyTable<>(IDEMPOTENCY_KEY,
            IDEMPOTENCY_KEY.KEY_HASH, IDEMPOTENCY_KEY.FINGERPRINT, IDEMPOTENCY_KEY.STATUS, IDEMPOTENCY_KEY.LOCATION,
            IDEMPOTENCY_KEY.BODY, IDEMPOTENCY_KEY.CREATED_AT, at -> LocalDateTime.ofInstant(at, ZoneOffset.UTC),
            created -> created.toInstant(ZoneOffset.UTC));

    public IdempotencyKeyRepository(DSLContext dsl) {
        super(dsl, KEYS);
    }
}
