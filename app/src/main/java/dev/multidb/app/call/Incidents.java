package dev.multidb.app.call;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one database's calls, for an operator reading the log during an incident: one WARN line per
 * event, the stack trace at DEBUG, and repeats of the same event within a window summarised in one line at its
 * end (never dropped).
 */
final class Incidents {

    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);

    private final String database;
    private final ScheduledExecutorService scheduler;
    private final Duration window;
    // Per event ("calls refused: bound full"): repeats since the window's first line; absent when no window is open.
    private final ConcurrentHashMap<String, Long> repeats = new ConcurrentHashMap<>();

    Incidents(String database, ScheduledExecutorService scheduler, Duration window) {
        this.database = database;
        this.scheduler = scheduler;
        this.window = window;
    }

    /**
     * Logs {@code line} unless the same event ({@code plural}, {@code reason}) was logged within the window, in
     * which case it is counted for the window's summary.
     */
    void report(String plural, String reason, String line, Throwable cause) {
        String event = plural + ": " + reason;
        boolean[] first = {false};
        repeats.compute(event, (key, count) -> {
            first[0] = count == null;
            return count == null ? 0L : count + 1;
        });
        if (first[0]) {
            LOG.warn("{}: {}", database, line);
            scheduleSummary(event, plural, reason);
        }
        if (cause != null && LOG.isDebugEnabled()) {
            LOG.debug("{}: {}", database, line, cause);
        }
    }

    private void scheduleSummary(String event, String plural, String reason) {
        try {
            scheduler.schedule(() -> summarise(event, plural, reason, true), window.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            summarise(event, plural, reason, false); // closing: say what was counted so far
        }
    }

    private void summarise(String event, String plural, String reason, boolean reopen) {
        long[] count = {0};
        repeats.compute(event, (key, repeated) -> {
            count[0] = repeated == null ? 0 : repeated;
            return count[0] > 0 && reopen ? Long.valueOf(0L) : null;
        });
        if (count[0] > 0) {
            LOG.warn("{}: {} more {} in the last {} s: {}", database, count[0], plural, window.toSeconds(), reason);
            if (reopen) {
                scheduleSummary(event, plural, reason);
            }
        }
    }

    /** Logs every pending summary now; called when the database closes. */
    void flush() {
        for (String event : repeats.keySet()) {
            int colon = event.indexOf(": ");
            summarise(event, event.substring(0, colon), event.substring(colon + 2), false);
        }
    }
}
