package dev.multidb.database1;

/** Another customer already has this email, ignoring case. */
public final class EmailTakenException extends RuntimeException {

    public EmailTakenException(String email, Throwable cause) {
        super("email already taken: " + email, cause);
    }
}
