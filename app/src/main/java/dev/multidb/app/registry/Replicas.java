package dev.multidb.app.registry;

import dev.multidb.app.call.Bulkhead;
import dev.multidb.app.call.CallConnections;
import dev.multidb.app.call.DatabaseUnavailableException;
import dev.multidb.app.call.Outages;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Routes one database's reads to its hot standbys, or to the primary when none can serve: none up, all too far behind,
 * none reached the client's token in time, or the read failed there. A replica never fails a read: the primary
 * serves it instead. A monitor samples the primary's WAL position and each replica's replay position in the
 * background, so a read without a token costs no extra round trip.
 */
final class Replicas implements AutoCloseable {

    private final String database;
    private final List<Replica> replicas;
    private final Duration maxLag;
    private final Duration wait;
    private final Map<ReadRoute, Counter> routes;
    private final PrimaryHistory history = new PrimaryHistory();
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledThreadPoolExecutor monitor;

    Replicas(String database, List<Replica> replicas, Duration maxLag, Duration wait, Map<ReadRoute, Counter> routes,
            DSLContext primary) {
        this.database = database;
        this.replicas = List.copyOf(replicas);
        this.maxLag = maxLag;
        this.wait = wait;
        this.routes = routes;
        this.monitor = new ScheduledThreadPoolExecutor(replicas.isEmpty() ? 0 : 1 + replicas.size(), runnable -> {
            Thread thread = new Thread(runnable, database + "-replica-monitor");
            thread.setDaemon(true);
            return thread;
        });
        if (!replicas.isEmpty()) {
            start(primary);
        }
    }

    boolean configured() {
        return !replicas.isEmpty();
    }

    List<Replica> all() {
        return replicas;
    }

    /** How long a replica may lag and still serve a read without a token. */
    Duration maxLag() {
        return maxLag;
    }

    /** Serves {@code work} from a replica that can, else from {@code primary}; counts where it went and why. */
    <T> T read(ConsistencyToken token, Function<DSLContext, T> work, Function<Function<DSLContext, T>, T> primary) {
        if (replicas.isEmpty()) {
            return onPrimary(ReadRoute.NO_REPLICA, work, primary);
        }
        Optional<Lsn> floor = token.floor(database);
        long waitUntil = System.nanoTime() + wait.toNanos();
        ReadRoute why = null;
        int start = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Replica replica = replicas.get((start + i) % replicas.size());
            if (!replica.up()) {
                why = worse(why, ReadRoute.REPLICA_FAILED);
                continue;
            }
            // A token bounds the client's own writes; the lag bound still bounds everyone else's.
            if (!replica.within(maxLag)) {
                why = worse(why, ReadRoute.LAGGING);
                continue;
            }
            try {
                Replica.Outcome<T> outcome = replica.read(floor, waitUntil, work);
                if (outcome.served()) {
                    routes.get(ReadRoute.SERVED).increment();
                    return outcome.value();
                }
                why = worse(why, ReadRoute.TOKEN_NOT_REACHED);
            } catch (DatabaseUnavailableException | DataAccessException e) {
                failed(replica, e);
                why = ReadRoute.REPLICA_FAILED;
            }
        }
        return onPrimary(why, work, primary);
    }

    private <T> T onPrimary(ReadRoute why, Function<DSLContext, T> work, Function<Function<DSLContext, T>, T> primary) {
        routes.get(why).increment();
        return primary.apply(work);
    }

    // A recovery conflict (40001) says nothing about the replica's health; a lost connection or a refusal does.
    private static void failed(Replica replica, RuntimeException e) {
        if (e instanceof DatabaseUnavailableException || Outages.classify(e) == Outages.Kind.UNREACHABLE) {
            replica.down(e.getMessage());
        }
    }

    private static ReadRoute worse(ReadRoute current, ReadRoute candidate) {
        return current == null || candidate.ordinal() > current.ordinal() ? candidate : current;
    }

    private void start(DSLContext primary) {
        long tick = Math.clamp(maxLag.toMillis() / 4, 20, 250);
        monitor.scheduleWithFixedDelay(() -> samplePrimary(primary), 0, tick, TimeUnit.MILLISECONDS);
        for (Replica replica : replicas) {
            monitor.scheduleWithFixedDelay(() -> probe(replica), 0, tick, TimeUnit.MILLISECONDS);
        }
    }

    private void samplePrimary(DSLContext primary) {
        long at = System.nanoTime();
        try {
            history.add(at, Wal.current(primary));
        } catch (RuntimeException e) {
            // no sample: every replica's lag grows until the primary answers again
        }
    }

    private void probe(Replica replica) {
        try {
            replica.probe(history);
        } catch (RuntimeException e) {
            replica.down(e.getMessage()); // a scheduled task that throws is never run again
        }
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        List<RuntimeException> failures = new ArrayList<>();
        for (Replica replica : replicas) {
            try {
                replica.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }
}
