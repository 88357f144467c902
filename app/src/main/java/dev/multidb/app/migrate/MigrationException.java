package dev.multidb.app.migrate;

import dev.multidb.app.AdvisedException;

/** A migration command that failed or was refused: what is wrong, and what to do. */
public final class MigrationException extends AdvisedException {

    public MigrationException(String problem, String advice) {
        super(problem, advice, null);
    }

    public MigrationException(String problem, String advice, Throwable cause) {
        super(problem, advice, cause);
    }
}
