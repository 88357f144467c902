package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.core.IdempotencyKeys.Claim;
import dev.multidb.core.StoredAnswer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against H2 in MODE=MSSQLServer: the key is inserted, awaited and answered in the transactions of the writes. */
class IdempotencyKeyRepositoryTest {

    private static final Duration WAIT = Duration.ofMillis(200);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private String url;
    private DSLContext dsl;

    @BeforeEach
    void freshDatabase() {
        url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(Database2.DESCRIPTOR.migrationLocation()).load().migrate();
        dsl = DSL.using(url, "sa", "");
    }

    @Test
    void answerOfACommittedClaimIsFoundUnderItsKey() {
        dsl.transaction(tx -> {
            IdempotencyKeyRepository keys = new IdempotencyKeyRepository(tx.dsl());
            assertThat(keys.claim(hash("k1"), hash("f1"), NOW, WAIT)).isEqualTo(Claim.CLAIMED);
            keys.complete(hash("k1"), 201, "/invoices/3", "{\"name\":\"Zoë\"}");
        });

        assertThat(new IdempotencyKeyRepository(dsl).find(hash("k1")))
                .contains(new StoredAnswer(hash("k1"), hash("f1"), 201, "/invoices/3", "{\"name\":\"Zoë\"}", NOW));
    }

    @Test
    void claimRolledBackLeavesNoKey() throws SQLException {
        try (Connection connection = connection()) {
            new IdempotencyKeyRepository(DSL.using(connection, SQLDialect.H2)).claim(hash("k1"), hash("f1"), NOW, WAIT);
            connection.rollback();
        }

        assertThat(dsl.fetchCount(IDEMPOTENCY_KEY)).isZero();
    }

    @Test
    void keyHeldByAnOpenTransactionIsInFlightAndTakenOnceItCommits() throws SQLException {
        try (Connection first = connection(); Connection twin = connection()) {
            IdempotencyKeyRepository firstKeys = new IdempotencyKeyRepository(DSL.using(first, SQLDialect.H2));
            IdempotencyKeyRepository twinKeys = new IdempotencyKeyRepository(DSL.using(twin, SQLDialect.H2));
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
    void sessionLockTimeoutIsRestoredAfterAClaimThatWaitedInVain() throws SQLException {
        try (Connection first = connection(); Connection twin = connection()) {
            new IdempotencyKeyRepository(DSL.using(first, SQLDialect.H2)).claim(hash("k1"), hash("f1"), NOW, WAIT);
            DSLContext twinDsl = DSL.using(twin, SQLDialect.H2);
            Integer before = twinDsl.fetchValue(DSL.function("LOCK_TIMEOUT", SQLDataType.INTEGER));

            assertThat(new IdempotencyKeyRepository(twinDsl).claim(hash("k1"), hash("f1"), NOW, WAIT)).isEqualTo(Claim.IN_FLIGHT);

            assertThat(twinDsl.fetchValue(DSL.function("LOCK_TIMEOUT", SQLDataType.INTEGER))).isEqualTo(before);
            assertThat(before).isNotEqualTo((int) WAIT.toMillis());
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
        assertThat(dsl.fetchCount(IDEMPOTENCY_KEY)).isEqualTo(1);
    }


    private void answered(String key, Instant at) {
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

    private Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
        return connection;
    }
}
