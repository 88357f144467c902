package dev.multidb.core.query;

/** Turns one {@link Row} into the repository's own record. */
@FunctionalInterface
public interface RowMapper<R> {

    R map(Row row);
}
