package dev.multidb.app.registry;

/**
 * A database could not serve a call: it is down, did not answer within its deadline, or already has as many
 * calls in flight as it may. The message is for the log; the HTTP edge answers 503 without repeating it.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private final String database;

    public DatabaseUnavailableException(String database, String reason) {
        this(database, reason, null);
    }

    public DatabaseUnavailableException(String database, String reason, Throwable cause) {
        super(database + " is unavailable: " + reason, cause);
        this.database = database;
    }

    /** The name of the database that could not serve the call. */
    public String database() {
        return database;
    }
}
