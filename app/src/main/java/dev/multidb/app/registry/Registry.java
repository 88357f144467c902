package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DialectResolver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.jooq.SQLDialect;

/** The configured databases, each with its own pool and jOOQ context; opened at start-up, closed at shutdown. */
public final class Registry implements AutoCloseable {

    private final List<Database> databases;

    private Registry(List<Database> databases) {
        this.databases = List.copyOf(databases);
    }

    /**
     * Opens one pool per descriptor, configured by the database of the same name in {@code config}.
     *
     * @throws dev.multidb.core.UnsupportedDialectException when a URL needs a dialect this jOOQ edition lacks
     */
    public static Registry open(List<DatabaseDescriptor> descriptors, AppConfig config, MeterRegistry meters) {
        List<Database> opened = new ArrayList<>();
        try {
            for (DatabaseDescriptor descriptor : descriptors) {
                opened.add(open(descriptor, config.database(descriptor.name()), meters));
            }
            return new Registry(opened);
        } catch (RuntimeException e) {
            Closing.all(e, opened.reversed());
            throw e;
        }
    }

    private static Database open(DatabaseDescriptor descriptor, DatabaseConfig config, MeterRegistry meters) {
        // Resolve first: an unsupported dialect must refuse to start, not open a pool and render wrong SQL.
        SQLDialect dialect = DialectResolver.resolve(descriptor.name(), config.url());
        DialectNotice.log(descriptor.name(), dialect);
        HikariDataSource dataSource = Pools.open(config, Database.engineOf(config.url()), meters);
        Database database;
        try {
            database = new Database(descriptor, config, dialect, dataSource,
                    primary -> ReplicaPools.open(config, dialect, primary, meters));
        } catch (RuntimeException e) {
            Closing.all(e, List.of(dataSource));
            throw e;
        }
        try {
            Gauge gauge = Gauge.builder("multidb.database.calls.in.flight", database, Database::callsInFlight)
                    .description("calls holding a place in the database's concurrency bound")
                    .tag("database", database.name())
                    .register(meters);
            database.onClose(() -> meters.remove(gauge));
            return database;
        } catch (RuntimeException e) {
            Closing.all(e, List.of(database));
            throw e;
        }
    }

    public Database get(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no database named " + name + " is registered"));
    }

    public List<Database> all() {
        return databases;
    }

    @Override
    public void close() {
        Closing.all("the registry", databases.reversed());
    }
}
