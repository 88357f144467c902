package dev.multidb.app.http;

import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Written;
import dev.multidb.core.IdempotencyKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Writes guarded by an Idempotency-Key stored in {@code database}, in the write's own transaction: the key is
 * claimed first, so a twin blocks on it before doing any work; the write runs; its answer is stored; all commit
 * together. A twin that waits for the first sees the committed key and replays it; one that would wait longer
 * than {@link #IN_FLIGHT_WAIT} answers 409. Only answers that committed are stored: a 4xx or 503 rolls the key
 * back with the write, so a retry runs again (it can change nothing twice: nothing was written).
 */
public final class IdempotentWrites {

    /** How long a request waits for a twin with the same key to finish before it answers 409. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(500);

    private final Database database;
    private final Function<DSLContext, IdempotencyKeys> keys;

    IdempotentWrites(Database database, Function<DSLContext, IdempotencyKeys> keys) {
        this.database = database;
        this.keys = keys;
    }

    /**
     * {@code write} in one call to the database, guarded by {@code key} when the request has one; the answer carries
     * the write's Consistency-Token where the database has replicas (a replayed answer carries none).
     */
    public Answer run(Optional<RequestKey> key, Function<DSLContext, Answer> write) {
        return replayOr(key, () -> {
            Written<Answer> written = database.write(dsl -> write(dsl, key, write));
            return written.value().with(written.token());
        });
    }

    /** The stored answer to {@code key}, or {@code write}'s, which must store it through {@link #write}. */
    public Answer replayOr(Optional<RequestKey> key, Supplier<Answer> write) {
        if (key.isEmpty()) {
            return write.get();
        }
        Optional<Answer> stored = stored(key.get());
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return write.get();
        } catch (KeyTaken e) {
            return stored(key.get()).orElseThrow(IdempotentWrites::inFlight);
        }
    }

    /** Inside a call to this database: {@code write} alone, or with the key claimed and answered in its transaction. */
    public Answer write(DSLContext dsl, Optional<RequestKey> key, Function<DSLContext, Answer> write) {
        if (key.isEmpty()) {
            return write.apply(dsl);
        }
        RequestKey requestKey = key.get();
        return dsl.transactionResult(tx -> {
            IdempotencyKeys stored = keys.apply(tx.dsl());
            switch (stored.claim(requestKey.hash(), requestKey.fingerprint(), Instant.now(), IN_FLIGHT_WAIT)) {
                case TAKEN -> throw new KeyTaken();
                case IN_FLIGHT -> throw inFlight();
                case CLAIMED -> {
                }
            }
            Answer answer = write.apply(tx.dsl());
            stored.complete(requestKey.hash(), answer.status(), answer.location(), answer.body());
            return answer;
        });
    }

    /** Deletes at most {@code limit} keys created before {@code cutoff}; how many went. */
    int purge(Instant cutoff, int limit) {
        return database.call(dsl -> keys.apply(dsl).purgeCreatedBefore(cutoff, limit));
    }

    String databaseName() {
        return database.name();
    }

    private Optional<Answer> stored(RequestKey key) {
        return database.call(dsl -> keys.apply(dsl).find(key.hash())).map(stored -> {
            if (!stored.fingerprint().equals(key.fingerprint())) {
                throw HttpProblem.unprocessable("this " + RequestKey.HEADER + " was already used for a different"
                        + " request; send a new key for a new request");
            }
            return Answer.replay(stored);
        });
    }

    private static HttpProblem inFlight() {
        return HttpProblem.conflict("a request with this " + RequestKey.HEADER + " is still in flight;"
                + " retry it once that one has been answered");
    }

    /** A twin committed the key between our look-up and our claim: its answer is there now. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("idempotency key taken", null, false, false);
        }
    }
}
