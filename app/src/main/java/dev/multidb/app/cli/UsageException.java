package dev.multidb.app.cli;

/** The command line asked for something that cannot be: exit code 2. The message is "what; what to do". */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
