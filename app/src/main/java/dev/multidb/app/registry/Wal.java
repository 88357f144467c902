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

    // After a commit, the insert position is at or after the end of its commit record. When that record ended exactly
    // at a page boundary, the insert position points past the next page's header, which a standby only "replays" once
    // another record follows; the boundary itself is then the exact end. Headers: 24 bytes, 40 on a segment's first
    // page (PostgreSQL's SizeOfXLogShortPHD / SizeOfXLogLongPHD), and no record can end at those offsets.
    private static final Field<String> COMMITTED = field("""
            (SELECT (l - CASE WHEN w.file_offset = 40 THEN 40
                              WHEN w.file_offset % current_setting('wal_block_size')::int = 24 THEN 24
                              ELSE 0 END::numeric)::text
             FROM pg_current_wal_insert_lsn() AS l, pg_walfile_name_offset(l) AS w)""", String.class);
    private static final Field<String> CURRENT = field("pg_current_wal_lsn()::text", String.class);
    private static final Field<String> REPLAYED = field("pg_last_wal_replay_lsn()::text", String.class);
    private static final Field<Boolean> IN_RECOVERY = field("pg_is_in_recovery()", Boolean.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private Wal() {
    }

    /** On the primary, on the connection that just committed: a position at or after the end of that commit. */
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
