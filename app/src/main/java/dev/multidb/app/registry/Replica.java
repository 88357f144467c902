package dev.multidb.app.registry;

import dev.multidb.app.call.Bulkhead;
import dev.multidb.app.call.CallConnections;
import dev.multidb.app.call.DatabaseUnavailableException;
import dev.multidb.app.call.Outages;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hot standby of a database: its own pool and bound (the primary's deadline and limits), and what the last probe
 * found: up or down, and the moment of the primary's history it has replayed up to.
 */
final class Replica implements AutoCloseable {

    /** What a read found on the replica: served (with the value) or not, because it had not reached the token. */
    record Outcome<T>(boolean served, T value) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

    private final String name;
    private final String address;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final Bulkhead bulkhead;
    private volatile boolean up;
    // System.nanoTime() of the newest primary position this replica is known to have replayed.
    private volatile long caughtUpAtNanos = Long.MIN_VALUE;

    Replica(String name, String address, HikariDataSource dataSource, SQLDialect dialect, Bulkhead bulkhead) {
        this.name = name;
        this.address = address;
        this.dataSource = dataSource;
        this.dsl = DSL.using(new CallConnections(dataSource), dialect, Database.SETTINGS);
        this.bulkhead = bulkhead;
    }

    String name() {
        return name;
    }

    /** host:port/database, without parameters (they may carry a password). */
    String address() {
        return address;
    }

    boolean up() {
        return up;
    }

    /** How long ago the primary had nothing this replica lacks; empty before the first successful probe. */
    Optional<Duration> lag() {
        long at = caughtUpAtNanos;
        return at == Long.MIN_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - at));
    }

    boolean within(Duration maxLag) {
        return lag().filter(lag -> lag.compareTo(maxLag) <= 0).isPresent();
    }

    /**
     * Runs {@code work} here, within this replica's bounds. With a {@code floor}, first waits on the very connection
     * the work then uses until the replica has replayed that far, or {@code waitUntilNanos} passes (not served).
     */
    <T> Outcome<T> read(Optional<Lsn> floor, long waitUntilNanos, Function<DSLContext, T> work) {
        if (floor.isEmpty()) {
            return bulkhead.run(() -> new Outcome<>(true, work.apply(dsl)));
        }
        return bulkhead.run(() -> dsl.connectionResult(connection -> {
            // Derived, not new: a new configuration would start jOOQ's reflection caches cold on every read.
            DSLContext one = dsl.configuration().derive(new DefaultConnectionProvider(connection)).dsl();
            return Wal.awaitReplay(one, floor.get(), waitUntilNanos) ? new Outcome<>(true, work.apply(one))
                    : new Outcome<T>(false, null);
        }));
    }

    /** Checks the replica and records how far it replayed against the primary's recent {@code history}. */
    void probe(PrimaryHistory history) {
        Optional<Lsn> replayed;
        try {
            replayed = Wal.replayed(dsl);
        } catch (RuntimeException e) {
            down("it does not answer (" + e.getMessage() + ")");
            return;
        }
        if (replayed.isEmpty()) {
            down("it is not in recovery, so not a hot standby of the primary");
            return;
        }
        history.caughtUpAt(replayed.get()).ifPresent(at -> {
            if (at - caughtUpAtNanos > 0 || caughtUpAtNanos == Long.MIN_VALUE) {
                caughtUpAtNanos = at;
            }
        });
        if (!up) {
            LOG.info("{}: replica {} is up", name, address);
            up = true;
        }
    }

    /** A read here failed in a way that says the replica is gone: skip it until a probe finds it again. */
    void down(String why) {
        if (up) {
            LOG.warn("{}: replica {} is down: {}; its reads go to the primary", name, address, why);
        }
        up = false;
    }

    @Override
    public void close() {
        bulkhead.close();
        dataSource.close();
    }
}
