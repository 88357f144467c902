package dev.multidb.core.query;

import org.jooq.Field;

/** One row of a query's result, read by the query's own typed fields. */
public interface Row {

    /** The value of {@code field}, which must be one of the query's fields; {@code null} for SQL NULL. */
    <T> T get(Field<T> field);
}
