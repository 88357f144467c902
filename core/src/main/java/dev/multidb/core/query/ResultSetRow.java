package dev.multidb.core.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;

/** The current row of a result set, read by the query's fields in the order it selects them. */
final class ResultSetRow implements Row {

    private final ResultSet rs;
    private final CompiledQuery<?> query;

    ResultSetRow(ResultSet rs, CompiledQuery<?> query) {
        this.rs = rs;
        this.query = query;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Field<T> field) {
        int index = query.indexOf(field);
        try {
            return (T) query.readers()[index].read(rs, index + 1);
        } catch (SQLException e) {
            throw new DataAccessException("cannot read " + field.getName() + ": " + e.getMessage(), e);
        }
    }
}
