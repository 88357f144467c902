package dev.multidb.database1;

import dev.multidb.core.DomainException;

/** Another customer already has this email, ignoring case. */
public final class EmailTakenException extends DomainException {

    public EmailTakenException(String email, Throwable cause) {
        super(Kind.CONFLICT, "email already taken", "email already taken: " + email, cause);
    }
}
