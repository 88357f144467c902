package dev.multidb.core;

import java.time.Instant;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Where a database module keeps its Idempotency-Keys: its generated table and columns, and how an instant is
 * written to and read from its {@code created_at} column (timestamptz on PostgreSQL, a UTC datetime2 on SQL Server).
 */
public record IdempotencyKeyTable<T>(
        Table<?> table,
        Field<String> keyHash,
        Field<String> fingerprint,
        Field<Integer> status,
        Field<String> location,
        Field<String> body,
        Field<T> createdAt,
        Function<Instant, T> toColumn,
        Function<T, Instant> fromColumn) {
}
