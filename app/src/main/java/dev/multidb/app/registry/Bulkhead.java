package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the calls of one database on its own worker threads: at most {@code limit} in flight (one more is
 * refused at once), each bounded by a deadline that holds even when the driver cannot time out a read, and,
 * after the database failed to answer, refusing calls for a short cool-down instead of queueing on it.
 */
final class Bulkhead implements AutoCloseable {

    static final Duration COOL_DOWN = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Bulkhead.class);

    private final String database;
    private final int limit;
    private final Duration budget;
    private final HikariDataSource dataSource;
    private final Semaphore permits;
    private final ThreadPoolExecutor workers;
    private volatile long refuseUntilNanos = System.nanoTime();

    Bulkhead(String database, int limit, Duration budget, HikariDataSource dataSource) {
        this.database = database;
        this.limit = limit;
        this.budget = budget;
        this.dataSource = dataSource;
        this.permits = new Semaphore(limit);
        this.workers = new ThreadPoolExecutor(limit, limit, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                workerThreads(database));
        this.workers.allowCoreThreadTimeOut(true);
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
        Future<T> future;
        try {
            future = workers.submit(() -> runOnWorker(call, work));
        } catch (RejectedExecutionException e) {
            permits.release();
            throw new DatabaseUnavailableException(database, "the registry is closed");
        }
        return await(call, future);
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
            call.evictConnections(dataSource);
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
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory workerThreads(String database) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, database + "-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
