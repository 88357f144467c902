package dev.multidb.app.call;

/**
 * A database could not serve a call: it is down, did not answer within its deadline, or already has as many
 * calls in flight as it may. The message is for the log; the HTTP edge answers 503 without repeating it.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private final String database;
    private final boolean outcomeUnknown;

    /** The call never reached the database (bound full, cooling down, no connection): nothing was sent. */
    public DatabaseUnavailableException(String database, String reason) {
        this(database, reason, false, null);
    }

    public DatabaseUnavailableException(String database, String reason, boolean outcomeUnknown, Throwable cause) {
        super(database + " is unavailable: " + reason, cause);
        this.database = database;
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The name of the database that could not serve the call. */
    public String database() {
        return database;
    }

    /**
     * True when the call had a connection and was cut off (deadline, broken connection): its statements may have
     * reached the database, so a write may have committed. False when nothing was sent and a retry is safe.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
