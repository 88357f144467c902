package dev.multidb.app.registry;

import static org.jooq.impl.DSL.field;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;

/** The WAL positions read-your-writes compares: where a commit ends on the primary, how far a standby replayed. */
final class Wal {

    // Where a commit that returned ends, at the latest. With synchronous_commit on (or local, remote_*) the commit
    // returned only once flushed, so the flush position, which the standby receives at once, is at or past its end.
    // With it off, only the insert position is; it may include records nobody flushes until the WAL writer runs,
    // and when a commit ended exactly at a page boundary it points past the next page's header (24 bytes, 40 on a
    // segment's first page: PostgreSQL's SizeOfXLogShortPHD / LongPHD, offsets no record can end at), so the
    // boundary is taken instead, which a standby can reach without waiting for another record.
    private static final Field<String> COMMITTED = field("""
            (SELECT (CASE WHEN current_setting('synchronous_commit') <> 'off' THEN pg_current_wal_flush_lsn()
                          ELSE l - CASE WHEN w.file_offset = 40 THEN 40
                                        WHEN w.file_offset % current_setting('wal_block_size')::int = 24 THEN 24
                                        ELSE 0 END::numeric END)::text
             FROM pg_current_wal_insert_lsn() AS l, pg_walfile_name_offset(l) AS w)""", String.class);
    private static final Field<String> CURRENT = field("pg_current_wal_lsn()::text", String.class);
    private static final Field<String> REPLAYED = field("pg_last_wal_replay_lsn()::text", String.class);
    private static final Field<Boolean> IN_RECOVERY = field("pg_is_in_recovery()", Boolean.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private Wal() {
    }

    /** On the primary, once a commit returned (on any connection): a position at or after the end of that commit. */
    static Lsn committed(DSLContext primary) {
        return parse(primary.select(COMMITTED).fetchOne(COMMITTED));
    }

    /** On the primary: how far its WAL is written, which bounds what any standby can have received. */
    static Lsn current(DSLContext primary) {
        return parse(primary.select(CURRENT).fetchOne(CURRENT));
    }

    /** On a standby: how far it has replayed; empty when the server is not in recovery (not a standby at all). */
    static Optional<Lsn> replayed(DSLContext standby) {
        Record2<Boolean, String> row = standby.select(IN_RECOVERY, REPLAYED).fetchOne();
        return Boolean.TRUE.equals(row.value1()) && row.value2() != null ? Optional.of(parse(row.value2()))
                : Optional.empty();
    }

    /** Polls {@code standby}'s replay position until it reaches {@code floor} (true) or {@code untilNanos} passes. */
    static boolean awaitReplay(DSLContext standby, Lsn floor, long untilNanos) {
        while (true) {
            if (standby.select(REPLAYED).fetchOptional(REPLAYED).flatMap(Lsn::parse).filter(l -> l.reached(floor))
                    .isPresent()) {
                return true;
            }
            long left = untilNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, POLL_NANOS));
        }
    }

    private static Lsn parse(String text) {
        return Lsn.parse(text).orElseThrow(() -> new IllegalStateException("PostgreSQL returned a WAL position '"
                + text + "' that is not X/Y"));
    }
}
