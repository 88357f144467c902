-- T-SQL in the subset SQL Server and H2 (MODE=MSSQLServer) both accept: bare names only, constraints inline,
-- no NONCLUSTERED; index names unique across the schema (H2 keeps them per schema).
-- Idempotency-Keys of writes to database2 (invoice create and pay), inserted in the same transaction as the write
-- they guard. key_hash is the SHA-256 of the key (hex), so SQL Server's case-insensitive collations cannot merge
-- two keys; fingerprint the SHA-256 of method, path and body; status/location/body the answer to replay (null
-- only inside that transaction); created_at in UTC, for the purge after IDEMPOTENCY_KEY_TTL_HOURS.
CREATE TABLE idempotency_key (
    key_hash    CHAR(64)      NOT NULL PRIMARY KEY,
    fingerprint CHAR(64)      NOT NULL,
    status      INT           NULL,
    location    VARCHAR(2048) NULL,
    body        NVARCHAR(MAX) NULL,
    created_at  DATETIME2     NOT NULL
);

CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
