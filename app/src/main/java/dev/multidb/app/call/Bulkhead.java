package dev.multidb.app.call;

import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.app.logging.LogContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the calls of one database: admitted at once or refused ({@link Admission}: the bound, the cool-down after a
 * failure, the share of cross-database work), and each cut off at its deadline even when the server stops answering
 * mid-read.
 *
 * <p>Where the driver can abort a connection from another thread (PostgreSQL, SQL Server), a call runs on the
 * caller's thread and a watchdog aborts its connections at the deadline, which ends a blocked read at once; a call
 * still waiting for a pooled connection waits no longer than its deadline (CallConnections). Where the driver cannot
 * abort (H2), the call runs on a worker thread and the caller stops waiting at the deadline. Worker threads are
 * never interrupted: an interrupt can close an H2 file database for every connection (h2database#1076, #1300).
 */
public final class Bulkhead implements AutoCloseable {

    /** How often the watchdog looks for calls past their deadline: how late at most it cuts one off. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(20);

    private final String database;
    private final Set<Call> running = ConcurrentHashMap.newKeySet();
    private final Duration budget;
    private final Duration statementTimeout;
    private final Admission admission;
    private final ThreadPoolExecutor workers; // null: calls run on the caller's thread
    private final ScheduledThreadPoolExecutor watchdog;
    private final Incidents incidents;

    public Bulkhead(String database, int limit, Duration statementTimeout, Duration budget, HikariDataSource dataSource,
            boolean driverCanAbort) {
        this.database = database;
        this.budget = budget;
        this.statementTimeout = statementTimeout;
        if (driverCanAbort) {
            this.workers = null;
        } else {
            this.workers = new ThreadPoolExecutor(limit, limit, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    threads(database + "-call-"));
            this.workers.allowCoreThreadTimeOut(true);
        }
        this.watchdog = new ScheduledThreadPoolExecutor(1, threads(database + "-watchdog-"));
        this.watchdog.setRemoveOnCancelPolicy(true);
        this.watchdog.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.watchdog.scheduleWithFixedDelay(this::expireOverdue, WATCH_INTERVAL.toNanos(), WATCH_INTERVAL.toNanos(),
                TimeUnit.NANOSECONDS);
        this.incidents = new Incidents(database, watchdog, Incidents.WINDOW);
        this.admission = new Admission(database, limit, dataSource.getMaximumPoolSize(), incidents);
    }

    /** Takes a place for cross-database work now, or refuses at once: nothing waits on a full or cooling database. */
    public Admission.Place reserve() {
        return admission.reserve();
    }

    public <T> T run(Supplier<T> work) {
        return run(work, List.of());
    }

    /** Runs cross-database work: it holds a place here within the cross-database share, and {@code places}. */
    public <T> T runCrossing(Supplier<T> work, List<Admission.Place> places) {
        admission.enterCrossing();
        try {
            return run(work, places);
        } finally {
            admission.leaveCrossing();
        }
    }

    // The database's name is on every log line of the call, on the caller's thread and on a worker's (H2).
    private <T> T run(Supplier<T> work, List<Admission.Place> places) {
        return LogContext.withDatabase(database, () -> admitAndRun(work, places));
    }

    private <T> T admitAndRun(Supplier<T> work, List<Admission.Place> places) {
        Optional<Admission.Place> reserved = Call.current().flatMap(call -> call.placeOn(admission));
        Call call = Call.withBudget(budget, places);
        if (call.remainingNanos() <= 0) {
            throw admission.refused("no time left", "no time left within the enclosing call");
        }
        Runnable release = admission.admit(reserved);
        if (workers == null) {
            return runHere(call, work, release);
        }
        Future<T> future;
        try {
            future = workers.submit(() -> runOnWorker(call, work, release));
        } catch (RejectedExecutionException e) {
            release.run();
            throw new DatabaseUnavailableException(database, "the registry is closed");
        }
        return await(call, future, release);
    }

    private <T> T runHere(Call call, Supplier<T> work, Runnable release) {
        if (watchdog.isShutdown()) {
            release.run();
            throw new DatabaseUnavailableException(database, "the registry is closed");
        }
        call.begin();
        running.add(call);
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (call.expired()) {
                throw cutOff(call, "its connections aborted", e);
            }
            throw translate(call, e);
        } finally {
            running.remove(call);
            call.end();
            release.run();
        }
    }

    // One look at the running calls every WATCH_INTERVAL, rather than a timer per call: scheduling and cancelling a
    // timer per call (a lock, a heap, a wake-up of the watchdog) cost more than the rest of the bound (bench/).
    private void expireOverdue() {
        for (Call call : running) {
            if (call.remainingNanos() <= 0 && call.expire() && hadItsStatementTimeout(call)) {
                admission.coolDown();
            }
        }
    }

    private <T> T runOnWorker(Call call, Supplier<T> work, Runnable release) {
        if (!call.begin()) {
            return null;
        }
        try {
            return LogContext.withDatabase(database, work);
        } catch (RuntimeException e) {
            throw translate(call, e);
        } finally {
            call.end();
            release.run();
        }
    }

    private RuntimeException translate(Call call, RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException) {
            return failure; // from a call to another database made inside this one
        }
        String after = " after " + call.elapsed().toMillis() + " ms";
        return switch (Outages.classify(failure)) {
            case UNREACHABLE -> {
                incidents.report("calls failed", "cannot reach the database", "call failed" + after
                        + ": cannot reach the database (" + firstLine(failure) + "); answered 503", failure);
                admission.coolDown();
                yield new DatabaseUnavailableException(database, "cannot reach the database", call.connected(), failure);
            }
            case TIMED_OUT -> {
                incidents.report("statements cancelled", "deadline or lock timeout reached on the server",
                        "statement cancelled" + after + ": deadline or lock timeout reached on the server;"
                                + " answered 503", failure);
                yield new DatabaseUnavailableException(database, "the statement did not finish within its deadline",
                        call.connected(), failure);
            }
            case NONE -> failure;
        };
    }

    private <T> T await(Call call, Future<T> future, Runnable release) {
        try {
            return future.get(Math.max(0, call.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            giveUp(call, future, release);
            throw cutOff(call, "its worker left to finish", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(call, future, release);
            throw new DatabaseUnavailableException(database, "interrupted while waiting for an answer",
                    call.connected(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    // No interrupt: the worker may be inside H2, and the call's own deadline ends its statement.
    private void giveUp(Call call, Future<?> future, Runnable release) {
        if (call.abandonBeforeStart()) {
            release.run();
        } else {
            call.expire();
        }
        future.cancel(false);
        if (hadItsStatementTimeout(call)) {
            admission.coolDown();
        }
    }

    private DatabaseUnavailableException cutOff(Call call, String action, Throwable cause) {
        boolean sent = call.connected();
        String reason = "no answer within " + call.budget().toMillis() + " ms";
        incidents.report("calls cut off", "no answer within their deadline", "call cut off after "
                + call.elapsed().toMillis() + " ms: " + reason + "; " + action + ", answered 503"
                + (sent ? " (its statements may have run)" : " (nothing was sent)"), cause);
        return new DatabaseUnavailableException(database, reason, sent, cause);
    }

    // A call that an enclosing call cut short of this database's own statement timeout says nothing about it.
    private boolean hadItsStatementTimeout(Call call) {
        return call.budget().compareTo(statementTimeout) >= 0;
    }

    public int inFlight() {
        return admission.inFlight();
    }

    // shutdown, never shutdownNow: running work ends by its own deadline, uninterrupted.
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdown();
        }
        watchdog.shutdown();
        incidents.flush();
    }

    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("");
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
