package dev.multidb.app.call;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a database that cannot be reached or did not answer in time from an ordinary failed statement. */
public final class Outages {

    public enum Kind {
        /** The connection or the server is gone: stop sending work for a moment. */
        UNREACHABLE,
        /** The server is alive but the statement ran out of time or into a lock conflict. */
        TIMED_OUT,
        /** Not an outage: a bug or a constraint the caller handles. */
        NONE
    }

    // H2: 90067 connection broken, 90121 database closed; both leave the connection unusable.
    private static final Set<Integer> H2_BROKEN = Set.of(90067, 90121);
    // H2: 50200 lock timeout, 57014 statement cancelled.
    private static final Set<Integer> H2_TIMED_OUT = Set.of(50200, 57014);

    private Outages() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind kind = classifyOne(t);
            if (kind != Kind.NONE) {
                return kind;
            }
        }
        return Kind.NONE;
    }

    static boolean leavesConnectionBroken(SQLException e) {
        return H2_BROKEN.contains(e.getErrorCode()) && isH2(e);
    }

    private static Kind classifyOne(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof IOException) {
            return Kind.UNREACHABLE;
        }
        if (t instanceof SQLTimeoutException) {
            return Kind.TIMED_OUT;
        }
        if (t instanceof SQLException e) {
            return classifySqlState(e);
        }
        return Kind.NONE;
    }

    private static Kind classifySqlState(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P") || leavesConnectionBroken(e)) {
            return Kind.UNREACHABLE;
        }
        if (state.equals("57014") || state.startsWith("40") || state.startsWith("55P03")
                || state.startsWith("HYT") || (isH2(e) && H2_TIMED_OUT.contains(e.getErrorCode()))) {
            return Kind.TIMED_OUT;
        }
        return Kind.NONE;
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }
}
