package dev.multidb.app.embedded;

import dev.multidb.app.config.EnvironmentVariables;
import dev.multidb.app.config.Secret;
import dev.multidb.core.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** An H2 file database, in SQL Server mode when it stands in for SQL Server, for development and test. */
final class EmbeddedH2Database implements EmbeddedDatabase {

    /**
     * H2's default identifier rules, the ones codegen generated the classes under (bare names
     * upper-cased), after the engine's compatibility mode if it has one. FILE_LOCK=FS is an OS lock, gone with the process, so a killed
     * app leaves no stale lock behind. WRITE_DELAY=0 writes each commit before it is acknowledged
     * (H2 would otherwise batch them for half a second). DB_CLOSE_ON_EXIT=FALSE leaves closing to
     * the app, after its pools are closed.
     */
    static final String SETTINGS = ";FILE_LOCK=FS;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final String USER = "sa";
    // H2 reports a database file held by another process with this error code.
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private final String url;
    private final String description;
    // Holding one connection keeps the database open between pool connections; closing it closes the file.
    private final Connection keeper;

    private EmbeddedH2Database(String url, String description, Connection keeper) {
        this.url = url;
        this.description = description;
        this.keeper = keeper;
    }

    /** Opens the database of {@code engine}'s stand-in: H2 in the engine's mode ({@code MSSQLServer}), or plain H2. */
    static EmbeddedH2Database start(String name, Path directory, Engine engine) {
        String mode = engine.h2Mode().map(m -> ";MODE=" + m).orElse("");
        String url = Engine.H2.urlPrefix() + "file:" + directory.toAbsolutePath().resolve(name) + mode + SETTINGS;
        String description = engine.h2Mode().map(m -> "H2 in " + engine.displayName() + " mode").orElse("H2");
        try {
            Files.createDirectories(directory);
            return new EmbeddedH2Database(url, description, DriverManager.getConnection(url, USER, ""));
        } catch (SQLException e) {
            String what = e.getErrorCode() == DATABASE_ALREADY_OPEN
                    ? "is in use by another process; stop that process or set "
                    : "did not open (" + e.getMessage().lines().findFirst().orElse("") + "); check it or set ";
            throw new EmbeddedDatabaseException(name + ": the embedded H2 database in " + directory + " " + what
                    + EnvironmentVariables.forDatabase(name, "url") + " to a running server", e);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(name + ": cannot create " + directory + " (" + e.getMessage()
                    + "); choose a writable DATA_DIRECTORY", e);
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public Secret password() {
        return Secret.NONE;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            keeper.close();
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("embedded H2 did not close cleanly (" + e.getMessage()
                    + "); its data is safe, H2 recovers at the next start", e);
        }
    }
}
