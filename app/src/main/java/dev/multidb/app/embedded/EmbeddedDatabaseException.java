package dev.multidb.app.embedded;

/** An embedded default that could not start or stop. The message is one line: what is wrong; what to do. */
public final class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmbeddedDatabaseException(String message) {
        super(message);
    }
}
