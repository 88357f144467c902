package dev.multidb.app.registry;

import java.sql.SQLException;
import java.util.Set;

/** Tells a statement that met a table or column the database does not have (its schema is behind the code). */
public final class MissingSchemaObjects {

    // PostgreSQL undefined table/column; SQL standard and mssql-jdbc base table/column not found.
    private static final Set<String> STATES = Set.of("42P01", "42703", "42S02", "42S22", "S0002", "S0022");
    // H2: table not found, table not found in an empty database, column not found.
    private static final Set<Integer> H2_CODES = Set.of(42102, 42104, 42122);

    private MissingSchemaObjects() {
    }

    /** Whether {@code failure} or one of its causes says a table or column is missing. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e && (STATES.contains(e.getSQLState()) || isH2Missing(e))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isH2Missing(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.") && H2_CODES.contains(e.getErrorCode());
    }
}
