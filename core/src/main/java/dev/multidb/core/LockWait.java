package dev.multidb.core;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Runs one statement with a short lock wait, so that a statement blocked by a transaction that is still open fails
 * fast instead of waiting for the statement deadline; the connection's own lock wait applies again afterwards.
 */
public final class LockWait {

    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int SQLSERVER_LOCK_TIMEOUT = 1222;

    private LockWait() {
    }

    /** Runs {@code statement} in {@code dsl}'s current transaction, waiting at most {@code wait} for any lock. */
    public static <T> T bounded(DSLContext dsl, Duration wait, Supplier<T> statement) {
        long millis = Math.max(1, wait.toMillis());
        String family = dsl.dialect().family().name().toUpperCase(Locale.ROOT);
        if (family.startsWith("POSTGRES")) {
            return postgres(dsl, millis, statement);
        }
        if (family.equals("H2")) {
            return h2(dsl, millis, statement);
        }
        if (family.startsWith("SQLSERVER")) {
            return sqlServer(dsl, millis, statement);
        }
        throw new IllegalStateException("no bounded lock wait for dialect " + dsl.dialect());
    }

    /** True when {@code e} says a lock wait ran out (PostgreSQL 55P03, H2 50200, SQL Server 1222). */
    public static boolean timedOut(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (POSTGRES_LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
                    || sql.getErrorCode() == H2_LOCK_TIMEOUT || sql.getErrorCode() == SQLSERVER_LOCK_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    // SET LOCAL ends with the transaction; a failed statement aborts that transaction, so restore only on success.
    private static <T> T postgres(DSLContext dsl, long millis, Supplier<T> statement) {
        String previous = dsl.fetchValue(DSL.function("current_setting", SQLDataType.VARCHAR,
                DSL.inline("lock_timeout")));
        dsl.setLocal(DSL.name("lock_timeout"), DSL.inline(millis + "ms")).execute();
        T result = statement.get();
        dsl.setLocal(DSL.name("lock_timeout"), DSL.inline(previous)).execute();
        return result;
    }

    // H2's LOCK_TIMEOUT is per session: the pooled connection must get its own value back whatever happens.
    private static <T> T h2(DSLContext dsl, long millis, Supplier<T> statement) {
        Integer previous = dsl.fetchValue(DSL.function("LOCK_TIMEOUT", SQLDataType.INTEGER));
        dsl.set(DSL.name("LOCK_TIMEOUT"), DSL.inline(millis)).execute();
        return thenRestore(statement, () -> dsl.set(DSL.name("LOCK_TIMEOUT"), DSL.inline(previous)).execute());
    }

    // T-SQL's SET LOCK_TIMEOUT takes no '=', which jOOQ's SET renders: a template, with numbers only. Per session.
    private static <T> T sqlServer(DSLContext dsl, long millis, Supplier<T> statement) {
        Integer previous = dsl.fetchValue(DSL.field("@@LOCK_TIMEOUT", SQLDataType.INTEGER));
        dsl.query("SET LOCK_TIMEOUT " + millis).execute();
        return thenRestore(statement, () -> dsl.query("SET LOCK_TIMEOUT " + previous).execute());
    }

    // A failed restore must not hide why the statement failed.
    private static <T> T thenRestore(Supplier<T> statement, Runnable restore) {
        T result;
        try {
            result = statement.get();
        } catch (RuntimeException e) {
            try {
                restore.run();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        restore.run();
        return result;
    }
}
