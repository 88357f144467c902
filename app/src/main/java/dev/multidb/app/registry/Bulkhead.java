package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds the calls of one database: at most {@code limit} in flight (one more is refused at once), each cut off at
 * its deadline even when the server stops answering mid-read, and, after the database failed to answer, calls are
 * refused for a short cool-down instead of queueing on it. Cross-database work (a call that holds this database
 * while it waits for another) may hold only a share of the places, so the other half stays for this database's own.
 *
 * <p>Where the driver can abort a connection from another thread (PostgreSQL, SQL Server), a call runs on the
 * caller's thread and a watchdog aborts its connections at the deadline, which ends a blocked read at once; a call
 * still waiting for a pooled connection waits no longer than its deadline (CallConnections). Where the driver cannot
 * abort (H2), the call runs on a worker thread and the caller stops waiting at the deadline. Worker threads are
 * never interrupted: an interrupt can close an H2 file database for every connection (h2database#1076, #1300).
 */
final class Bulkhead implements AutoCloseable {

    static final Duration COOL_DOWN = Duration.ofSeconds(1);

    private final String database;
    private final int limit;
    private final int crossingLimit;
    private final Duration budget;
    private final Duration statementTimeout;
    private final Semaphore permits;
    private final Semaphore crossing;
    private final ThreadPoolExecutor workers; // null: calls run on the caller's thread
    private final ScheduledThreadPoolExecutor watchdog;
    private final Incidents incidents;
    private volatile long refuseUntilNanos = System.nanoTime();

    Bulkhead(String database, int limit, Duration statementTimeout, Duration budget, HikariDataSource dataSource,
            boolean driverCanAbort) {
        this.database = database;
        this.limit = limit;
        // Half of what it may hold at once (places, connections) is the most cross-database work may take.
        this.crossingLimit = Math.max(1, Math.min(limit, dataSource.getMaximumPoolSize()) / 2);
        this.budget = budget;
        this.statementTimeout = statementTimeout;
        this.permits = new Semaphore(limit);
        this.crossing = new Semaphore(crossingLimit);
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
        this.incidents = new Incidents(database, watchdog, Incidents.WINDOW);
    }

    /**
     * A place held on this database for calls made later inside a call to another database. It is given back
     * when its holder and every call that used it let go: a call given up while its worker still runs keeps it.
     */
    final class Place implements AutoCloseable {
        private final AtomicInteger holders = new AtomicInteger(1);

        boolean on(Bulkhead bulkhead) {
            return bulkhead == Bulkhead.this;
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

    /** Takes a place for cross-database work now, or refuses at once: nothing waits on a full or cooling database. */
    Place reserve() {
        refuseWhileCoolingDown();
        acquireCrossing();
        if (!permits.tryAcquire()) {
            crossing.release();
            throw refused("bound full", limit + " calls are already in flight");
        }
        return new Place();
    }

    <T> T run(Supplier<T> work) {
        return run(work, List.of());
    }

    /** Runs cross-database work: it holds a place here within the cross-database share, and {@code places}. */
    <T> T runCrossing(Supplier<T> work, List<Place> places) {
        acquireCrossing();
        try {
            return run(work, places);
        } finally {
            crossing.release();
        }
    }

    private <T> T run(Supplier<T> work, List<Place> places) {
        Optional<Place> reserved = Call.current().flatMap(call -> call.placeOn(this));
        if (reserved.isEmpty()) {
            refuseWhileCoolingDown();
        }
        Call call = Call.withBudget(budget, places);
        if (call.remainingNanos() <= 0) {
            throw refused("no time left", "no time left within the enclosing call");
        }
        if (reserved.isEmpty() && !permits.tryAcquire()) {
            throw refused("bound full", limit + " calls are already in flight");
        }
        Runnable release = reserved.isEmpty() ? permits::release : reserved.get().hold();
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
        call.begin();
        ScheduledFuture<?> alarm;
        try {
            alarm = watchdog.schedule(() -> expire(call), call.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            call.end();
            release.run();
            throw new DatabaseUnavailableException(database, "the registry is closed");
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (call.expired()) {
                throw cutOff(call, "its connections aborted", e);
            }
            throw translate(call, e);
        } finally {
            alarm.cancel(false);
            call.end();
            release.run();
        }
    }

    private void expire(Call call) {
        if (call.expire() && hadItsStatementTimeout(call)) {
            coolDown();
        }
    }

    private <T> T runOnWorker(Call call, Supplier<T> work, Runnable release) {
        if (!call.begin()) {
            return null;
        }
        try {
            return work.get();
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
                coolDown();
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
            coolDown();
        }
    }

    private DatabaseUnavailableException cutOff(Call call, String action, Throwable cause) {
        boolean sent = call.connected();
        String reason = "no answer within " + call.budget().toMillis() + " ms";
        incidents.report("calls cut off", "no answer within their deadline", "call cut off after "
                + call.elapsed().toMillis() + " ms: " + reason + "; " + action + ", answered 503"
                + (sent ? " (outcome unknown)" : " (nothing sent)"), cause);
        return new DatabaseUnavailableException(database, reason, sent, cause);
    }

    // A call that an enclosing call cut short of this database's own statement timeout says nothing about it.
    private boolean hadItsStatementTimeout(Call call) {
        return call.budget().compareTo(statementTimeout) >= 0;
    }

    private void refuseWhileCoolingDown() {
        if (System.nanoTime() - refuseUntilNanos < 0) {
            throw refused("cooling down after a failure", "it failed to answer a moment ago; retrying shortly");
        }
    }

    private void acquireCrossing() {
        if (!crossing.tryAcquire()) {
            throw refused("cross-database share full", crossingLimit + " cross-database calls are already in flight");
        }
    }

    private DatabaseUnavailableException refused(String why, String reason) {
        incidents.report("calls refused", why, "call refused: " + reason + "; answered 503 at once", null);
        return new DatabaseUnavailableException(database, reason);
    }

    private void coolDown() {
        refuseUntilNanos = System.nanoTime() + COOL_DOWN.toNanos();
        incidents.report("cool-downs", "did not answer", "did not answer; refusing calls for "
                + COOL_DOWN.toMillis() + " ms", null);
    }

    int inFlight() {
        return limit - permits.availablePermits();
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
