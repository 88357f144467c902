package dev.multidb.app.migrate;

import dev.multidb.app.config.DatabaseConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Bounds Flyway's work against an H2 server from outside JDBC: H2 2.4's TCP client ignores network timeouts,
 * so a hung server would hold a command until it resumes. The work runs on its own thread and the command
 * gives up once Flyway has reported no progress (a callback event) for the statement deadline. The thread is
 * left to finish or die with the process, never interrupted (h2database#1076: an interrupt can close H2's
 * storage). Other engines run on the calling thread: their drivers' timeouts bound them (DriverTimeouts).
 */
final class RemoteH2Guard implements Callback {

    static final Duration GRACE = Duration.ofSeconds(1);

    private final boolean remoteH2;
    private final Duration deadline;
    private volatile long lastProgress;

    RemoteH2Guard(DatabaseConfig config) {
        String url = config.migrationJdbcUrl().toLowerCase(Locale.ROOT);
        this.remoteH2 = url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
        // Flyway's own client-side work (loading classes, scanning the class path) reports no progress either.
        this.deadline = config.statementTimeout().plus(GRACE);
    }

    /** {@code work}'s result, or a {@link StalledException} once it has made no progress for the deadline. */
    <T> T run(Supplier<T> work) {
        if (!remoteH2) {
            return work.get();
        }
        lastProgress = System.nanoTime();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "multidb-flyway");
        worker.setDaemon(true);
        worker.start();
        while (true) {
            long idle = System.nanoTime() - lastProgress;
            try {
                return result.get(Math.max(1, deadline.toNanos() - idle), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - lastProgress >= deadline.toNanos()) {
                    throw new StalledException(deadline);
                }
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StalledException(deadline);
            }
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        // Flyway warns about every callback that takes its deprecated createSchema event.
        return remoteH2 && event != Event.CREATE_SCHEMA;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        lastProgress = System.nanoTime();
    }

    @Override
    public String getCallbackName() {
        return "multidb-remote-h2-guard";
    }

    /** The server made no progress within the deadline. */
    static final class StalledException extends RuntimeException {
        StalledException(Duration deadline) {
            super("no progress within " + deadline.toMillis() + " ms");
        }
    }
}
