package dev.multidb.app.call;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides at once whether a call to one database may start: not while the database cools down after it failed
 * to answer, not beyond its bound of calls in flight, and cross-database work (a call that holds one database
 * while it waits for another) only within its share, half of the places and connections, so that the other half
 * stays for the database's own endpoints. Nothing ever waits here.
 */
public final class Admission {

    static final Duration COOL_DOWN = Duration.ofSeconds(1);

    private final String database;
    private final int limit;
    private final int crossingLimit;
    private final Semaphore permits;
    private final Semaphore crossing;
    private final Incidents incidents;
    private volatile long refuseUntilNanos = System.nanoTime();

    Admission(String database, int limit, int maxConnections, Incidents incidents) {
        this.database = database;
        this.limit = limit;
        this.crossingLimit = Math.max(1, Math.min(limit, maxConnections) / 2);
        this.permits = new Semaphore(limit);
        this.crossing = new Semaphore(crossingLimit);
        this.incidents = incidents;
    }

    /**
     * A place held on this database for calls made later inside a call to another database. It is given back
     * when its holder and every call that used it let go: a call given up while its worker still runs keeps it.
     */
    public final class Place implements AutoCloseable {
        private final AtomicInteger holders = new AtomicInteger(1);

        boolean on(Admission admission) {
            return admission == Admission.this;
        }

        private Runnable hold() {
            holders.incrementAndGet();
            return this::close;
        }

        @Override
        public void close() {
            if (holders.decrementAndGet() == 0) {
                permits.release();
                crossing.release();
            }
        }
    }

    /** Takes a place for cross-database work now, or refuses: nothing waits on a full or cooling-down database. */
    Place reserve() {
        refuseWhileCoolingDown();
        enterCrossing();
        if (!permits.tryAcquire()) {
            crossing.release();
            throw refused("bound full", limit + " calls are already in flight");
        }
        return new Place();
    }

    /** Admits one call, on {@code reserved} when an enclosing call holds a place here; returns how to let go. */
    Runnable admit(Optional<Place> reserved) {
        if (reserved.isPresent()) {
            return reserved.get().hold();
        }
        refuseWhileCoolingDown();
        if (!permits.tryAcquire()) {
            throw refused("bound full", limit + " calls are already in flight");
        }
        return permits::release;
    }

    void enterCrossing() {
        if (!crossing.tryAcquire()) {
            throw refused("cross-database share full", crossingLimit + " cross-database calls are already in flight");
        }
    }

    void leaveCrossing() {
        crossing.release();
    }

    DatabaseUnavailableException refused(String why, String reason) {
        incidents.report("calls refused", why, "call refused: " + reason + "; answered 503 at once", null);
        return new DatabaseUnavailableException(database, reason);
    }

    void coolDown() {
        refuseUntilNanos = System.nanoTime() + COOL_DOWN.toNanos();
        incidents.report("cool-downs", "did not answer", "did not answer; refusing calls for "
                + COOL_DOWN.toMillis() + " ms", null);
    }

    int inFlight() {
        return limit - permits.availablePermits();
    }

    private void refuseWhileCoolingDown() {
        if (System.nanoTime() - refuseUntilNanos < 0) {
            throw refused("cooling down after a failure", "it failed to answer a moment ago; retrying shortly");
        }
    }
}
