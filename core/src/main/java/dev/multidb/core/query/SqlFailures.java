package dev.multidb.core.query;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.DataException;
import org.jooq.exception.IntegrityConstraintViolationException;

/** Turns a driver's failure into the exception jOOQ 3.21 throws for it: same type, message and SQLSTATE. */
final class SqlFailures {

    private SqlFailures() {
    }

    // As jOOQ's Tools.translate: by SQLSTATE class 22 and 23 (its SQLite-only message check left out).
    static DataAccessException translate(String sql, SQLException e) {
        String message = "SQL [" + sql + "]; " + e.getMessage();
        return switch (DataAccessException.sqlStateClass(e)) {
            case C22_DATA_EXCEPTION -> new DataException(message, e);
            case C23_INTEGRITY_CONSTRAINT_VIOLATION -> new IntegrityConstraintViolationException(message, e);
            default -> new DataAccessException(message, e);
        };
    }
}
