package dev.multidb.core;

/** A database URL this build of multidb cannot render SQL for; the message says what to change. */
public final class UnsupportedDialectException extends IllegalStateException {

    public UnsupportedDialectException(String message) {
        super(message);
    }
}
