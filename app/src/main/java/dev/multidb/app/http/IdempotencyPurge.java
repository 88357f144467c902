package dev.multidb.app.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes Idempotency-Keys older than their time to live, every {@code interval}, in bounded batches: each batch
 * is one ordinary call (deadline, bulkhead), and one run deletes at most {@code maxBatches} batches per database,
 * so a backlog is worked off over several runs instead of holding a database for long.
 */
final class IdempotencyPurge implements AutoCloseable {

    static final int BATCH = 1000;
    static final int MAX_BATCHES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final List<IdempotentWrites> stores;
    private final Duration ttl;
    private final Clock clock;
    private final int batch;
    private final int maxBatches;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("idempotency-purge").daemon().factory());

    IdempotencyPurge(List<IdempotentWrites> stores, Duration ttl, Clock clock) {
        this(stores, ttl, clock, BATCH, MAX_BATCHES);
    }

    IdempotencyPurge(List<IdempotentWrites> stores, Duration ttl, Clock clock, int batch, int maxBatches) {
        this.stores = List.copyOf(stores);
        this.ttl = ttl;
        this.clock = clock;
        this.batch = batch;
        this.maxBatches = maxBatches;
    }

    /** Runs {@link #purgeExpired} after {@code first}, then every {@code interval}, until {@link #close}. */
    IdempotencyPurge every(Duration first, Duration interval) {
        scheduler.scheduleWithFixedDelay(this::purgeLogged, first.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One run over every database: how many keys went. A database that fails is skipped until the next run. */
    int purgeExpired() {
        Instant cutoff = clock.instant().minus(ttl);
        int purged = 0;
        for (IdempotentWrites store : stores) {
            try {
                for (int run = 0, deleted = batch; run < maxBatches && deleted == batch; run++) {
                    deleted = store.purge(cutoff, batch);
                    purged += deleted;
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: purging idempotency keys failed; next run in due course: {}", store.databaseName(),
                        e.toString());
            }
        }
        return purged;
    }

    private void purgeLogged() {
        int purged = purgeExpired();
        if (purged > 0) {
            LOG.info("purged {} idempotency keys older than {}", purged, ttl);
        }
    }

    // No shutdownNow: interrupting a thread inside an H2 call can close the database (h2database#1076).
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the idempotency key purge did not stop within 10 s; leaving it to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
