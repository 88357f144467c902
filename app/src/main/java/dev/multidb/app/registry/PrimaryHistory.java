package dev.multidb.app.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Recent samples of the primary's WAL position, each with the moment just before it was read. A replica that has
 * replayed up to a sample's position has everything the primary had committed at that moment, so its lag is the time
 * since the newest such sample: exact on an idle primary (where replay timestamps look hours old) and growing while
 * replay is stuck or the standby cut off from the primary.
 */
final class PrimaryHistory {

    private static final int KEPT = 256;

    private record Sample(long atNanos, Lsn position) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>(); // newest first; guarded by this

    synchronized void add(long atNanos, Lsn position) {
        samples.addFirst(new Sample(atNanos, position));
        if (samples.size() > KEPT) {
            samples.removeLast();
        }
    }

    /** The moment of the newest sample a replica that replayed up to {@code replayed} has; empty when none. */
    synchronized OptionalLong caughtUpAt(Lsn replayed) {
        for (Iterator<Sample> it = samples.iterator(); it.hasNext(); ) {
            Sample sample = it.next();
            if (replayed.reached(sample.position())) {
                return OptionalLong.of(sample.atNanos());
            }
        }
        return OptionalLong.empty();
    }
}
