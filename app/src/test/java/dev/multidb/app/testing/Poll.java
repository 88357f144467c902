package dev.multidb.app.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking it at a short interval. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Poll() {
    }

    /** True as soon as {@code condition} holds; false when {@code limit} passes first. */
    public static boolean until(BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
        return condition.getAsBoolean();
    }
}
