package dev.multidb.app.embedded;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded defaults of every database configured without a URL: each descriptor's engine picks
 * its stand-in ({@link Engine#embeddedStandIn}: a real embedded PostgreSQL, or H2 in the engine's mode), with
 * its files under {@code <dataDirectory>/<name>}. Closing stops them all.
 */
public final class EmbeddedDefaults implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDefaults.class);

    private final AppConfig config;
    private final List<EmbeddedDatabase> started;

    private EmbeddedDefaults(AppConfig config, List<EmbeddedDatabase> started) {
        this.config = config;
        this.started = started;
    }

    /** Starts the embedded default of each of {@code descriptors} whose configured URL is blank. */
    public static EmbeddedDefaults start(List<DatabaseDescriptor> descriptors, AppConfig config) {
        List<DatabaseDescriptor> embedded = descriptors.stream()
                .filter(d -> config.database(d.name()).embedded()).toList();
        if (config.production() && !embedded.isEmpty()) {
            throw new EmbeddedDatabaseException(embedded.getFirst().name() + ": production has no embedded default;"
                    + " configure the database's URL");
        }
        List<EmbeddedDatabase> started = startAll(embedded, config);
        AppConfig resolved = config;
        for (int i = 0; i < embedded.size(); i++) {
            DatabaseConfig database = config.database(embedded.get(i).name());
            EmbeddedDatabase running = started.get(i);
            resolved = replace(resolved, database.withUrl(running.url(), running.user(), running.password()));
        }
        return new EmbeddedDefaults(resolved, started);
    }

    /** The configuration with every started database's URL and credentials filled in. */
    public AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        stop(started);
    }

    // Side by side: PostgreSQL spends most of its start waiting for its own process. Every start is waited for,
    // uninterrupted (an interrupt may close an H2 file database, h2database#1076), so that whatever started is
    // stopped again when another one fails or the caller is interrupted.
    private static List<EmbeddedDatabase> startAll(List<DatabaseDescriptor> descriptors, AppConfig config) {
        List<EmbeddedDatabase> started = new ArrayList<>();
        RuntimeException failure = null;
        boolean interrupted = false;
        ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<EmbeddedDatabase>> futures = descriptors.stream()
                .map(d -> starts.submit(() -> start(d, Path.of(config.dataDirectory(), d.name())))).toList();
        starts.shutdown();
        for (Future<EmbeddedDatabase> future : futures) {
            while (true) {
                try {
                    started.add(future.get());
                    break;
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                            : new EmbeddedDatabaseException("embedded database did not start: " + e.getCause(), e);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            failure = failure != null ? failure
                    : new EmbeddedDatabaseException("interrupted while starting the embedded databases");
        }
        if (failure != null) {
            stop(started);
            throw failure;
        }
        return List.copyOf(started);
    }

    private static EmbeddedDatabase start(DatabaseDescriptor descriptor, Path directory) {
        long begin = System.nanoTime();
        EmbeddedDatabase embedded = descriptor.engine().embeddedStandIn() == Engine.POSTGRESQL
                ? EmbeddedPostgresServer.start(descriptor.name(), directory)
                : EmbeddedH2Database.start(descriptor.name(), directory, descriptor.engine());
        LOG.info("{}: embedded {} started in {} ms, data in {}", descriptor.name(), embedded.description(),
                (System.nanoTime() - begin) / 1_000_000, directory.toAbsolutePath().normalize());
        return embedded;
    }

    private static void stop(List<EmbeddedDatabase> databases) {
        for (EmbeddedDatabase database : databases.reversed()) {
            try {
                database.close();
            } catch (RuntimeException e) {
                LOG.warn(e.getMessage());
            }
        }
    }

    private static AppConfig replace(AppConfig config, DatabaseConfig database) {
        return new AppConfig(config.environment(), config.httpPort(), config.migrateOnStart(), config.seedOnStart(),
                config.dataDirectory(), config.databases().stream()
                        .map(d -> d.name().equals(database.name()) ? database : d).toList(), config.shutdownGrace(),
                config.idempotencyKeyTtl());
    }
}
