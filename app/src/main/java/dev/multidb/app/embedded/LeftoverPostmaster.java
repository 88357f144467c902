package dev.multidb.app.embedded;

import dev.multidb.app.config.EnvironmentVariables;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by an app that was killed (kill -9 skips shutdown hooks, and
 * pg_ctl starts the server detached). It would hold the data directory and block the next start.
 */
final class LeftoverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    // zonky's lock file: held by every live process that runs a server in the directory.
    private static final String OWNER_LOCK = "epg-lock";

    private LeftoverPostmaster() {
    }

    /** Stops the server running in {@code directory} when no live process owns it; fails when one does. */
    static void stopIfOrphaned(String name, Path directory) {
        Optional<ProcessHandle> server = runningServer(directory.resolve("postmaster.pid"));
        if (server.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(OWNER_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(name, directory, null);
            }
            LOG.warn("{}: stopping the embedded PostgreSQL (pid {}) that an earlier run left in {}",
                    name, server.get().pid(), directory);
            server.get().destroy();
            server.get().onExit().get(15, TimeUnit.SECONDS);
        } catch (OverlappingFileLockException e) {
            throw inUse(name, directory, e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new EmbeddedDatabaseException(name + ": could not stop the PostgreSQL (pid " + server.get().pid()
                    + ") left running in " + directory + "; stop it yourself (kill " + server.get().pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException(name + ": interrupted while stopping a leftover PostgreSQL;"
                    + " start again", e);
        }
    }

    private static Optional<ProcessHandle> runningServer(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            // A stale file whose pid now belongs to another program is left for PostgreSQL to replace.
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static EmbeddedDatabaseException inUse(String name, Path directory, Throwable cause) {
        return new EmbeddedDatabaseException(name + ": the embedded PostgreSQL in " + directory
                + " is in use by another multidb process; stop that process or set "
                + EnvironmentVariables.forDatabase(name, "url") + " to share a server", cause);
    }
}
