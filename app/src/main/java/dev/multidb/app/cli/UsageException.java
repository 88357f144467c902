package dev.multidb.app.cli;

import dev.multidb.app.AdvisedException;

/** The command line asked for something that cannot be: exit code 2. */
final class UsageException extends AdvisedException {

    UsageException(String problem, String advice) {
        super(problem, advice, null);
    }
}
