package dev.multidb.app;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Start-up steps that each database takes on its own, side by side: they wait on their own server more than on a core. */
final class StartupWork {

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
}
