package dev.multidb.core.query;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jooq.DataType;

/** The JDBC getter and setter for a Java type, as jOOQ's default bindings use them for the types we generate. */
final class JdbcTypes {

    /** Reads column {@code index} (1-based) of the current row. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs, int index) throws SQLException;
    }

    private JdbcTypes() {
    }

    static Reader reader(Class<?> type) {
        if (type == Long.class) {
            return (rs, i) -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? null : value;
            };
        }
        if (type == Integer.class) {
            return (rs, i) -> {
                int value = rs.getInt(i);
                return rs.wasNull() ? null : value;
            };
        }
        if (type == String.class) {
            return ResultSet::getString;
        }
        if (type == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (type == Boolean.class) {
            return (rs, i) -> {
                boolean value = rs.getBoolean(i);
                return rs.wasNull() ? null : value;
            };
        }
        // java.time types and anything else the driver maps itself (JDBC 4.2 getObject with a type).
        return (rs, i) -> rs.getObject(i, type);
    }

    static void bind(PreparedStatement statement, int index, Object value, DataType<?> type) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, type.getSQLType());
            case Long l -> statement.setLong(index, l);
            case Integer n -> statement.setInt(index, n);
            case String s -> statement.setString(index, s);
            case BigDecimal d -> statement.setBigDecimal(index, d);
            case Boolean b -> statement.setBoolean(index, b);
            case OffsetDateTime t -> statement.setObject(index, t);
            case LocalDateTime t -> statement.setObject(index, t);
            default -> statement.setObject(index, value);
        }
    }
}
