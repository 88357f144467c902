package dev.multidb.core;

import java.util.Objects;

/**
 * A failure a database module's rules refuse, saying what kind of failure it is, so that modules stay free of
 * HTTP and the app maps kinds (not classes) to answers.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal: the app answers each kind the same way, whichever module raised it. */
    public enum Kind {
        /** The change clashes with data already there (a taken unique value). */
        CONFLICT,
        /** What the change refers to does not exist. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String detail;

    /**
     * @param detail  what a client may be told, without the values it sent
     * @param message what the log may be told
     */
    protected DomainException(Kind kind, String detail, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
