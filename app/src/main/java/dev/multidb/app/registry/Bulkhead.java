package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the calls of one database: at most {@code limit} in flight (one more is refused at once), each cut off at
 * its deadline even when the server stops answering mid-read, and, after the database failed to answer, calls are
 * refused for a short cool-down instead of queueing on it.
 *
 * <p>Where the driver can abort a connection from another thread (PostgreSQL, SQL Server), a call runs on the
 * caller's thread and a watchdog aborts its connections at the deadline, which ends a blocked read at once. Where
 * it cannot (H2, whose client has neither abort nor a socket timeout), the call runs on a worker thread and the
 * caller stops waiting at the deadline. Either way the caller's thread is free by the deadline (a call on the
 * caller's thread that is still waiting for a pooled connection then waits out the pool's connection timeout, which
 * the driver's connect and login timeouts bound), so a hung database holds at most {@code limit} request threads.
 */
final class Bulkhead implements AutoCloseable {

    static final Duration COOL_DOWN = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Bulkhead.class);

    private final String database;
    private final int limit;
    private final Duration budget;
    private final HikariDataSource dataSource;
    private final Semaphore permits;
    private final ThreadPoolExecutor workers; // null: calls run on the caller's thread
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile long refuseUntilNanos = System.nanoTime();

    Bulkhead(String database, int limit, Duration budget, HikariDataSource dataSource, boolean driverCanAbort) {
        this.database = database;
        this.limit = limit;
        this.budget = budget;
        this.dataSource = dataSource;
        this.permits = new Semaphore(limit);
        if (driverCanAbort) {
            this.workers = null;
        } else {
            this.workers = new ThreadPoolExecutor(limit, limit, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    threads(database + "-call-"));
            this.workers.allowCoreThreadTimeOut(true);
        }
        this.watchdog = new ScheduledThreadPoolExecutor(1, threads(database + "-watchdog-"));
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    <T> T run(Supplier<T> work) {
        if (System.nanoTime() - refuseUntilNanos < 0) {
            throw new DatabaseUnavailableException(database, "it failed to answer a moment ago; retrying shortly");
        }
        Call call = Call.withBudget(budget);
        if (call.remainingNanos() <= 0) {
            throw new DatabaseUnavailableException(database, "no time left within the enclosing call");
        }
        if (!permits.tryAcquire()) {
            throw new DatabaseUnavailableException(database, limit + " calls are already in flight");
        }
        if (workers == null) {
            return runHere(call, work);
        }
        Future<T> future;
        try {
            future = workers.submit(() -> runOnWorker(call, work));
        } catch (RejectedExecutionException e) {
            permits.release();
            throw new DatabaseUnavailableException(database, "the registry is closed");
        }
        return await(call, future);
    }

    private <T> T runHere(Call call, Supplier<T> work) {
        call.begin();
        ScheduledFuture<?> alarm;
        try {
            alarm = watchdog.schedule(() -> expire(call), call.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            call.end();
            permits.release();
            throw new DatabaseUnavailableException(database, "the registry is closed");
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (call.expired()) {
                throw new DatabaseUnavailableException(database, "no answer within " + budget.toMillis() + " ms", e);
            }
            throw translate(e);
        } finally {
            alarm.cancel(false);
            call.end();
            permits.release();
        }
    }

    private void expire(Call call) {
        if (call.expire(dataSource) && call.hadFullBudget()) {
            coolDown();
        }
    }

    private <T> T runOnWorker(Call call, Supplier<T> work) {
        if (!call.begin()) {
            return null;
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            call.end();
            permits.release();
        }
    }

    private RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DatabaseUnavailableException) {
            return failure; // from a call to another database made inside this one
        }
        return switch (Outages.classify(failure)) {
            case UNREACHABLE -> {
                coolDown();
                yield new DatabaseUnavailableException(database, "cannot reach the database", failure);
            }
            case TIMED_OUT -> new DatabaseUnavailableException(database,
                    "the statement did not finish within its deadline", failure);
            case NONE -> failure;
        };
    }

    private <T> T await(Call call, Future<T> future) {
        try {
            return future.get(Math.max(0, call.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            giveUp(call, future);
            throw new DatabaseUnavailableException(database, "no answer within " + budget.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(call, future);
            throw new DatabaseUnavailableException(database, "interrupted while waiting for an answer");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void giveUp(Call call, Future<?> future) {
        if (call.abandonBeforeStart()) {
            permits.release();
        } else {
            call.expire(dataSource);
        }
        future.cancel(true);
        if (call.hadFullBudget()) {
            coolDown();
        }
    }

    private void coolDown() {
        refuseUntilNanos = System.nanoTime() + COOL_DOWN.toNanos();
        LOG.warn("{} did not answer; refusing calls for {} ms", database, COOL_DOWN.toMillis());
    }

    int inFlight() {
        return limit - permits.availablePermits();
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        watchdog.shutdownNow();
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
