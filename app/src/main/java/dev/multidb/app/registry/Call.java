package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bounded unit of work against one database: its deadline, whether it has started, finished or run out of
 * time, and the connections it holds (so that they can be cut off when it runs out of time).
 */
final class Call {

    // A call made from inside another call must end before the outer one does, so the outer can still answer.
    static final Duration NESTED_MARGIN = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    private enum State { NEW, RUNNING, DONE, ABANDONED, EXPIRED }

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final boolean fullBudget;
    // Guarded by this: a connection is either still tracked (and cut off on expiry) or already back in the pool.
    private final Set<Connection> connections = new HashSet<>(2);
    private State state = State.NEW;
    private Call outer;

    private Call(long deadlineNanos, boolean fullBudget) {
        this.deadlineNanos = deadlineNanos;
        this.fullBudget = fullBudget;
    }

    /** A call that must finish within {@code budget}, and before the call the current thread works for. */
    static Call withBudget(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Call enclosing = CURRENT.get();
        if (enclosing != null) {
            long enclosingDeadline = enclosing.deadlineNanos - NESTED_MARGIN.toNanos();
            if (enclosingDeadline - deadline < 0) {
                return new Call(enclosingDeadline, false);
            }
        }
        return new Call(deadline, true);
    }

    static Optional<Call> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** False when an enclosing call cut the deadline short: missing it then says nothing about this database. */
    boolean hadFullBudget() {
        return fullBudget;
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
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

    /** False when the call already ran out of time: the connection must not be used for it. */
    synchronized boolean track(Connection connection) {
        if (state == State.EXPIRED) {
            return false;
        }
        connections.add(connection);
        return true;
    }

    synchronized void untrack(Connection connection) {
        connections.remove(connection);
    }

    /**
     * The deadline passed while the work runs: it may be blocked reading from a server that does not answer.
     * Its connections are dead (their protocol state is unknown): abort them, which closes the socket and ends a
     * blocked read at once where the driver supports it, and evict them so they never go back into the pool.
     *
     * @return true when this cut off running work, false when the work had already finished
     */
    synchronized boolean expire(HikariDataSource dataSource) {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.EXPIRED;
        for (Connection connection : connections) {
            abort(connection);
            dataSource.evictConnection(connection);
        }
        return true;
    }

    private static void abort(Connection pooled) {
        try {
            pooled.unwrap(Connection.class).abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("cannot abort a connection past its deadline; evicting it only", e);
        }
    }
}
