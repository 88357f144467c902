-- Idempotency-Keys of writes to database1 (POST /customers), inserted in the same transaction as the write they
-- guard, so a key exists exactly when its write committed. key_hash is the SHA-256 of the key (hex); fingerprint
-- the SHA-256 of method, path and body; status/location/body the answer to replay (null only inside that
-- transaction). Kept for IDEMPOTENCY_KEY_TTL_HOURS, then purged by created_at.
create table idempotency_key (
    key_hash    char(64)    primary key,
    fingerprint char(64)    not null,
    status      integer,
    location    text,
    body        text,
    created_at  timestamptz not null
);

create index idempotency_key_created_at on idempotency_key (created_at);
