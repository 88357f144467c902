package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bounded unit of work against one database: its deadline, whether a worker has started it or the caller
 * has given up on it, and the connections it holds (so that they can be evicted when the caller gives up).
 */
final class Call {

    // A call made from inside another call must end before the outer one does, so the outer can still answer.
    static final Duration NESTED_MARGIN = Duration.ofMillis(250);

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;
    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final boolean fullBudget;
    private final AtomicInteger state = new AtomicInteger(NEW);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    private Call(long deadlineNanos, boolean fullBudget) {
        this.deadlineNanos = deadlineNanos;
        this.fullBudget = fullBudget;
    }

    /** A call that must finish within {@code budget}, and before the call the current thread works for. */
    static Call withBudget(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Call outer = CURRENT.get();
        if (outer != null) {
            long outerDeadline = outer.deadlineNanos - NESTED_MARGIN.toNanos();
            if (outerDeadline - deadline < 0) {
                return new Call(outerDeadline, false);
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

    /** Called by the worker; false when the caller already gave up and the work must not run. */
    boolean begin() {
        if (!state.compareAndSet(NEW, RUNNING)) {
            return false;
        }
        CURRENT.set(this);
        return true;
    }

    void end() {
        CURRENT.remove();
    }

    /** Called by the caller on its deadline; true when the work never started (nothing holds a permit for it). */
    boolean abandonBeforeStart() {
        return state.compareAndSet(NEW, ABANDONED);
    }

    void track(Connection connection) {
        connections.add(connection);
    }

    void untrack(Connection connection) {
        connections.remove(connection);
    }

    /**
     * The worker may be blocked reading from a server that does not answer; such a connection is dead
     * (its protocol state is unknown) and must not go back into the pool. Evicting closes the socket,
     * which also frees a worker blocked on it where the driver allows.
     */
    void evictConnections(HikariDataSource dataSource) {
        connections.forEach(dataSource::evictConnection);
    }
}
