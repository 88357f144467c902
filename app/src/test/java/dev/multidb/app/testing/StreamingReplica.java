package dev.multidb.app.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A hot standby of a {@link RestartablePostgres}, streaming from it on loopback. The embedded binaries have no
 * {@code pg_basebackup}, so it is made with PostgreSQL's low-level base backup API (PostgreSQL 17 manual, "Making a
 * Base Backup Using the Low Level API"): {@code pg_backup_start}, a copy of the data directory,
 * {@code pg_backup_stop}, then {@code backup_label}, {@code standby.signal} and {@code primary_conninfo}.
 */
public final class StreamingReplica implements AutoCloseable {

    // Runtime files of the running primary that a base backup must not carry (the manual's list, plus zonky's lock).
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot");

    private final Path dataDirectory;
    private final int port;
    private final String slot;
    private final RestartablePostgres primary;
    private EmbeddedPostgres server;

    private StreamingReplica(RestartablePostgres primary, Path dataDirectory, int port, String slot) {
        this.primary = primary;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.slot = slot;
    }

    /** A new standby of {@code primary}, running and streaming through the physical replication slot {@code slot}. */
    public static StreamingReplica of(RestartablePostgres primary, String slot) {
        Path directory;
        try {
            directory = Files.createTempDirectory("multidb-app-test-replica");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StreamingReplica replica = new StreamingReplica(primary, directory, freePort(), slot);
        try {
            replica.baseBackup();
            replica.start();
            return replica;
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's process id, as PostgreSQL records it in its data directory. */
    public long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops replaying WAL (it still receives it): the replica falls behind by exactly what is written meanwhile. */
    public void pauseReplay() {
        execute("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        execute("SELECT pg_wal_replay_resume()");
    }

    /** The text form ({@code X/Y}) of the last WAL position this standby replayed. */
    public String replayLsn() {
        return query("SELECT pg_last_wal_replay_lsn()::text");
    }

    public boolean inRecovery() {
        return Boolean.parseBoolean(query("SELECT pg_is_in_recovery()::text"));
    }

    /** Runs {@code sql} on the replica and returns the first column of its one row as text. */
    public String query(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("replica: " + sql + " failed", e);
        }
    }

    /** Stops the standby cleanly (its files stay, {@link #start} runs it again). */
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    public boolean running() {
        return server != null;
    }

    /** Ends the standby as a crash would: SIGKILL to its postmaster, whose children then exit by themselves. */
    public void kill() {
        ProcessHandle.of(postmasterPid()).ifPresent(postmaster -> {
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        });
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            // pg_ctl finds nothing to stop: the postmaster is gone already
        } finally {
            server = null;
        }
    }

    public void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("hot_standby", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            dropSlot();
            deleteTree(dataDirectory);
        }
    }

    private void baseBackup() {
        try (Connection session = DriverManager.getConnection(primary.url(), primary.user(), "");
                Statement statement = session.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            statement.execute("SELECT pg_backup_start('" + slot + "', true)");
            copyDataDirectory(primary.dataDirectory(), dataDirectory);
            // pg_backup_stop must run in the session that started the backup.
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)")) {
                stop.next();
                Files.writeString(dataDirectory.resolve("backup_label"), stop.getString("labelfile"));
                String tablespaceMap = stop.getString("spcmapfile");
                if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                    Files.writeString(dataDirectory.resolve("tablespace_map"), tablespaceMap);
                }
            }
            Files.createFile(dataDirectory.resolve("standby.signal"));
            // In postgresql.auto.conf, not as server options: zonky splits its option string at spaces.
            Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
                    + primary.port() + " user=postgres'\nprimary_slot_name = '" + slot + "'\n",
                    StandardOpenOption.APPEND);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a base backup of the primary", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyDataDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                Path target = to.resolve(relative.toString());
                if (skipped(relative)) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    copyFile(source, target);
                }
            }
        }
        Files.createDirectories(to.resolve("pg_wal/archive_status"));
    }

    private static boolean skipped(Path relative) {
        if (relative.getNameCount() == 1) {
            return SKIPPED_FILES.contains(relative.toString());
        }
        return EMPTIED_DIRECTORIES.contains(relative.getName(0).toString());
    }

    // A file may vanish while the primary runs (a temporary file, a recycled segment): the backup does not need it.
    private static void copyFile(Path source, Path target) throws IOException {
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.NoSuchFileException e) {
            // gone since the listing; WAL replay recreates what matters
        }
    }

    private void dropSlot() {
        try (Connection session = DriverManager.getConnection(primary.url(), primary.user(), "");
                Statement statement = session.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND NOT active");
        } catch (SQLException e) {
            // the primary is gone already, and its slot with it
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    private void execute(String sql) {
        query(sql);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
