package dev.multidb.database1;

import static dev.multidb.database1.jooq.Tables.IDEMPOTENCY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.core.IdempotencyKeys.Claim;
import dev.multidb.core.StoredAnswer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real PostgreSQL: the key is inserted, awaited and answered in the transactions of the writes. */
class IdempotencyKeyRepositoryTest {

    private static final Duration WAIT = Duration.ofMillis(200);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @RegisterExtension
    static final MigratedPostgres DATABASE = new MigratedPostgres();

    private static DSLContext dsl;

    @BeforeAll
    static void connect() {
        dsl = DATABASE.dsl();
    }

    @BeforeEach
    void emptyTable() {
        dsl.truncate(IDEMPOTENCY_KEY).execute();
    }

    @Test
    void answerOfACommittedClaimIsFoundUnderItsKey() {
        dsl.transaction(tx -> {
            IdempotencyKeyRepository keys = new IdempotencyKeyRepository(tx.dsl());
            assertThat(keys.claim(hash("k1"), hash("f1"), NOW, WAIT)).isEqualTo(Claim.CLAIMED);
            keys.complete(hash("k1"), 201, "/customers/7", "{\"id\":7}");
        });

        assertThat(new IdempotencyKeyRepository(dsl).find(hash("k1")))
                .contains(new StoredAnswer(hash("k1"), hash("f1"), 201, "/customers/7", "{\"id\":7}", NOW));
    }

    @Test
    void claimRolledBackLeavesNoKey() {
        try (Connection connection = connection()) {
            IdempotencyKeyRepository keys = new IdempotencyKeyRepository(DSL.using(connection, SQLDialect.POSTGRES));
            assertThat(keys.claim(hash("k1"), hash("f1"), NOW, WAIT)).isEqualTo(Claim.CLAIMED);
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        assertThat(new IdempotencyKeyRepository(dsl).find(hash("k1"))).isEmpty();
        assertThat(dsl.fetchCount(IDEMPOTENCY_KEY)).isZero();
    }

    @Test
    void keyHeldByAnOpenTransactionIsInFlightAndTakenOnceItCommits() throws SQLException {
        try (Connection first = connection(); Connection twin = connection()) {
            IdempotencyKeyRepository firstKeys = new IdempotencyKeyRepository(DSL.using(first, SQLDialect.POSTGRES));
            IdempotencyKeyRepository twinKeys = new IdempotencyKeyRepository(DSL.using(twin, SQLDialect.POSTGRES));
            firstKeys.claim(hash("k1"), hash("f1"), NOW, WAIT);

            long start = System.nanoTime();
            assertThat(twinKeys.claim(hash("k1"), hash("f1"), NOW, WAIT)).isEqualTo(Claim.IN_FLIGHT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            twin.rollback();

            firstKeys.complete(hash("k1"), 200, null, "{}");
            first.commit();
            assertThat(twinKeys.claim(hash("k1"), hash("f2"), NOW, WAIT)).isEqualTo(Claim.TAKEN);
            twin.rollback();
        }
    }

    @Test
    void lockWaitOfTheTransactionIsRestoredAfterTheClaim() throws SQLException {
        try (Connection connection = connection()) {
            DSLContext tx = DSL.using(connection, SQLDialect.POSTGRES);
            new IdempotencyKeyRepository(tx).claim(hash("k1"), hash("f1"), NOW, WAIT);

            assertThat(tx.fetchValue(DSL.function("current_setting", SQLDataType.VARCHAR, DSL.inline("lock_timeout"))))
                    .isEqualTo("0");
            connection.rollback();
        }
    }

    @Test
    void purgeDeletesOnlyKeysCreatedBeforeTheCutoffAndAtMostTheLimit() {
        for (int i = 1; i <= 3; i++) {
            answered(hash("old" + i), NOW.minus(Duration.ofHours(30 - i)));
        }
        answered(hash("fresh"), NOW);
        IdempotencyKeyRepository keys = new IdempotencyKeyRepository(dsl);
        Instant cutoff = NOW.minus(Duration.ofHours(24));

        assertThat(keys.purgeCreatedBefore(cutoff, 2)).isEqualTo(2);
        assertThat(dsl.select(IDEMPOTENCY_KEY.KEY_HASH).from(IDEMPOTENCY_KEY).orderBy(IDEMPOTENCY_KEY.KEY_HASH)
                .fetch(IDEMPOTENCY_KEY.KEY_HASH)).containsExactlyInAnyOrder(hash("fresh"), hash("old3"));
        assertThat(keys.purgeCreatedBefore(cutoff, 2)).isEqualTo(1);
        assertThat(dsl.select(IDEMPOTENCY_KEY.KEY_HASH).from(IDEMPOTENCY_KEY).fetch(IDEMPOTENCY_KEY.KEY_HASH))
                .containsExactly(hash("fresh"));
    }

    private static void answered(String key, Instant at) {
        dsl.transaction(tx -> {
            IdempotencyKeyRepository keys = new IdempotencyKeyRepository(tx.dsl());
            keys.claim(key, hash("f"), at, WAIT);
            keys.complete(key, 201, null, "{}");
        });
    }

    // Keys and fingerprints are 64 hex digits in the app (CHAR(64) pads anything shorter).
    private static String hash(String name) {
        return String.format("%64s", Integer.toHexString(name.hashCode())).replace(' ', '0');
    }

    private static Connection connection() throws SQLException {
        Connection connection = DATABASE.dataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}
