package dev.multidb.app.embedded;

import dev.multidb.app.config.Secret;

/** A database the app started itself; reachable at {@link #url()} until it is closed. */
interface EmbeddedDatabase extends AutoCloseable {

    String url();

    String user();

    Secret password();

    /** What runs, for the log: engine and port. */
    String description();

    @Override
    void close();
}
