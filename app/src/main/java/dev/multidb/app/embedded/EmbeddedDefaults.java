package dev.multidb.app.embedded;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.DatabaseDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded defaults of every database configured without a URL: each descriptor's engine picks
 * its stand-in (PostgreSQL: a real embedded PostgreSQL; SQL Server: H2 in SQL Server mode), with
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
        List<EmbeddedDatabase> started = new ArrayList<>();
        AppConfig resolved = config;
        try {
            for (DatabaseDescriptor descriptor : descriptors) {
                DatabaseConfig database = config.database(descriptor.name());
                if (!database.embedded()) {
                    continue;
                }
                if (config.production()) {
                    throw new EmbeddedDatabaseException(descriptor.name() + ": production has no embedded default;"
                            + " configure the database's URL");
                }
                EmbeddedDatabase embedded = start(descriptor, Path.of(config.dataDirectory(), descriptor.name()));
                started.add(embedded);
                resolved = replace(resolved, database.withUrl(embedded.url(), embedded.user(), embedded.password()));
            }
        } catch (RuntimeException e) {
            stop(started);
            throw e;
        }
        return new EmbeddedDefaults(resolved, List.copyOf(started));
    }

    /** The configuration with every started database's URL and credentials filled in. */
    public AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        stop(started);
    }

    private static EmbeddedDatabase start(DatabaseDescriptor descriptor, Path directory) {
        long begin = System.nanoTime();
        EmbeddedDatabase embedded = switch (descriptor.engine()) {
            case POSTGRESQL -> EmbeddedPostgresServer.start(descriptor.name(), directory);
            case SQLSERVER -> EmbeddedH2Database.start(descriptor.name(), directory);
        };
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
                        .map(d -> d.name().equals(database.name()) ? database : d).toList());
    }
}
