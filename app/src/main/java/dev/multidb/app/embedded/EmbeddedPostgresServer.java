package dev.multidb.app.embedded;

import dev.multidb.app.config.EnvironmentVariables;
import dev.multidb.app.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/** A PostgreSQL server from Maven Central binaries whose data directory is kept across restarts. */
final class EmbeddedPostgresServer implements EmbeddedDatabase {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(String name, Path directory) {
        LeftoverPostmaster.stopIfOrphaned(name, directory);
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    // Keep the data: initdb runs only when the directory holds no cluster yet.
                    .setCleanDataDirectory(false)
                    // Main's shutdown hook stops the server after the connection pools are closed.
                    .setRegisterShutdownHook(false)
                    // zonky turns these off for test speed; this data directory is kept, so an acknowledged
                    // write must survive a restart and the cluster a crash of the machine.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start());
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException(name + ": the embedded PostgreSQL in " + directory
                    + " did not start (" + e.getMessage() + "); check that directory or set "
                    + EnvironmentVariables.forDatabase(name, "url") + " to a running server", e);
        }
    }

    @Override
    public String description() {
        return "PostgreSQL on port " + postgres.getPort();
    }

    @Override
    public String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public Secret password() {
        return Secret.NONE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("embedded PostgreSQL did not stop cleanly (" + e.getMessage()
                    + "); its data is safe, it recovers at the next start", e);
        }
    }
}
