package dev.multidb.app.call;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bounded unit of work against one database: its deadline, whether it has started, finished or run out of
 * time, the connections it holds (so that they can be cut off when it runs out of time), and the places it
 * holds on other databases for the calls it makes inside.
 */
final class Call {

    // A call made from inside another call must end before the outer one does, so the outer can still answer.
    static final Duration NESTED_MARGIN = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    private enum State { NEW, RUNNING, DONE, ABANDONED, EXPIRED }

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    // Guarded by this: a connection is either still tracked (and cut off on expiry) or already back in the pool.
    private final Set<Connection> connections = new HashSet<>(2);
    private final List<Admission.Place> places;
    private State state = State.NEW;
    private boolean connected;
    private Call outer;

    private Call(long deadlineNanos, List<Admission.Place> places) {
        this.deadlineNanos = deadlineNanos;
        this.places = places;
    }

    /** A call that must finish within {@code budget}, and before the call the current thread works for. */
    static Call withBudget(Duration budget) {
        return withBudget(budget, List.of());
    }

    /** As {@link #withBudget(Duration)}, holding {@code places} on other databases for the calls made inside. */
    static Call withBudget(Duration budget, List<Admission.Place> places) {
        long deadline = System.nanoTime() + budget.toNanos();
        Call enclosing = CURRENT.get();
        if (enclosing != null) {
            long enclosingDeadline = enclosing.deadlineNanos - NESTED_MARGIN.toNanos();
            if (enclosingDeadline - deadline < 0) {
                return new Call(enclosingDeadline, places);
            }
        }
        return new Call(deadline, places);
    }

    static Optional<Call> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The time this call was given, which an enclosing call may have cut short. */
    Duration budget() {
        return Duration.ofNanos(deadlineNanos - startNanos);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    /** The place this call or an enclosing one holds on {@code admission}'s database, if any. */
    Optional<Admission.Place> placeOn(Admission admission) {
        for (Call call = this; call != null; call = call.outer) {
            for (Admission.Place place : call.places) {
                if (place.on(admission)) {
                    return Optional.of(place);
                }
            }
        }
        return Optional.empty();
    }

    /** Called by the thread that runs the work; false when the caller already gave up and the work must not run. */
    synchronized boolean begin() {
        if (state != State.NEW) {
            return false;
        }
        state = State.RUNNING;
        outer = CURRENT.get();
        CURRENT.set(this);
        return true;
    }

    /** Called by the thread that ran the work, whatever the outcome; the enclosing call becomes current again. */
    synchronized void end() {
        if (state == State.RUNNING) {
            state = State.DONE;
        }
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** Called by the caller on its deadline; true when the work never started (nothing holds a permit for it). */
    synchronized boolean abandonBeforeStart() {
        if (state != State.NEW) {
            return false;
        }
        state = State.ABANDONED;
        return true;
    }

    /** True once the deadline cut the running work off. */
    synchronized boolean expired() {
        return state == State.EXPIRED;
    }

    /** True once the work held a connection: from then on its statements may have reached the database. */
    synchronized boolean connected() {
        return connected;
    }

    /** False when the call already ran out of time: the connection must not be used for it. */
    synchronized boolean track(Connection connection) {
        if (state == State.EXPIRED) {
            return false;
        }
        connections.add(connection);
        connected = true;
        return true;
    }

    synchronized void untrack(Connection connection) {
        connections.remove(connection);
    }

    /**
     * The deadline passed while the work runs: it may be blocked reading from a server that does not answer.
     * Its connections are dead (their protocol state is unknown): abort them, which closes the socket and ends a
     * blocked read at once where the driver supports it. The work's own thread evicts them when it lets go of
     * them (CallConnections), so each is evicted once, and never while H2 still runs a statement on it.
     *
     * @return true when this cut off running work, false when the work had already finished
     */
    synchronized boolean expire() {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.EXPIRED;
        connections.forEach(Call::abort);
        return true;
    }

    private static void abort(Connection pooled) {
        try {
            pooled.unwrap(Connection.class).abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cannot abort a connection past its deadline; it is evicted when its call lets go of it", e);
        }
    }
}
