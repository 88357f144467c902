package dev.multidb.app;

import dev.multidb.app.registry.Database;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Start-up steps that each database takes on its own, side by side: they wait on their own server more than on a core. */
final class StartupWork {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWork.class);

    private StartupWork() {
    }

    /** Runs {@code step} for every item at once; rethrows the first failure once all have finished. */
    static <T> void eachConcurrently(List<T> items, Consumer<T> step) {
        RuntimeException failure = null;
        try (ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = items.stream().<Future<?>>map(item -> steps.submit(() -> step.accept(item))).toList();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("start-up step failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted during start-up", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    // The first query through jOOQ loads and links hundreds of classes; paid here, unbounded, instead of inside the
    // first readiness probe's call deadline, where on a busy machine it timed out and the cool-down refused calls.
    // Returns the schema version it read ("" when never migrated).
    static String warm(Database database) {
        long begin = System.nanoTime();
        String version = database.schemaVersion().orElse("");
        LOG.debug("{}: first query in {} ms", database.name(), (System.nanoTime() - begin) / 1_000_000);
        return version;
    }
}
