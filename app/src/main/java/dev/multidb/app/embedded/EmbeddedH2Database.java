package dev.multidb.app.embedded;

import dev.multidb.app.config.EnvironmentVariables;
import dev.multidb.app.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** An H2 file database in SQL Server mode, standing in for SQL Server in development and test. */
final class EmbeddedH2Database implements EmbeddedDatabase {

    /**
     * SQL Server mode with H2's default identifier rules, the ones codegen generated the classes
     * under (bare names upper-cased). FILE_LOCK=FS is an OS lock, gone with the process, so a killed
     * app leaves no stale lock behind. WRITE_DELAY=0 writes each commit before it is acknowledged
     * (H2 would otherwise batch them for half a second). DB_CLOSE_ON_EXIT=FALSE leaves closing to
     * the app, after its pools are closed.
     */
    static final String SETTINGS = ";MODE=MSSQLServer;FILE_LOCK=FS;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final String USER = "sa";
    // H2 reports a database file held by another process with this error code.
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private final String url;
    // Holding one connection keeps the database open between pool connections; closing it closes the file.
    private final Connection keeper;

    private EmbeddedH2Database(String url, Connection keeper) {
        this.url = url;
        this.keeper = keeper;
    }

    static EmbeddedH2Database start(String name, Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(name) + SETTINGS;
        try {
            Files.createDirectories(directory);
            return new EmbeddedH2Database(url, DriverManager.getConnection(url, USER, ""));
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
        return "H2 in SQL Server mode";
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
