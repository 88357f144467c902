package dev.multidb.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture itself: a real hot standby made with the low-level base backup API, streaming from the primary. */
class StreamingReplicaTest {

    private static RestartablePostgres primary;
    private static StreamingReplica replica;

    @BeforeAll
    static void start() {
        primary = RestartablePostgres.start();
        replica = StreamingReplica.of(primary, "fixture_replica");
        execute("CREATE TABLE note (id int PRIMARY KEY, body text)");
        assertThat(Poll.until(() -> "1".equals(replica.query("SELECT count(*) FROM pg_class WHERE relname = 'note'")),
                Duration.ofSeconds(10))).isTrue();
    }

    @AfterAll
    static void stop() {
        try (RestartablePostgres p = primary; StreamingReplica r = replica) {
            // closed in reverse order: the replica first, then its primary
        }
    }

    @Test
    void replicaIsAHotStandbyInRecovery() {
        assertThat(replica.inRecovery()).isTrue();
    }

    @Test
    void rowWrittenOnThePrimaryShowsUpOnTheReplica() {
        execute("INSERT INTO note VALUES (1, 'streamed')");

        assertThat(Poll.until(() -> "1".equals(replica.query("SELECT count(*) FROM note WHERE id = 1")),
                Duration.ofSeconds(10))).isTrue();
        assertThat(replica.query("SELECT body FROM note WHERE id = 1")).isEqualTo("streamed");
    }

    @Test
    void pausedReplayHoldsBackARowUntilResumed() {
        replica.pauseReplay();
        try {
            execute("INSERT INTO note VALUES (2, 'held back')");
            String written = primaryLsn();
            assertThat(Poll.until(() -> received(written), Duration.ofSeconds(10))).isTrue();

            assertThat(replica.query("SELECT count(*) FROM note WHERE id = 2")).isEqualTo("0");
        } finally {
            replica.resumeReplay();
        }
        assertThat(Poll.until(() -> "1".equals(replica.query("SELECT count(*) FROM note WHERE id = 2")),
                Duration.ofSeconds(10))).isTrue();
    }

    private static boolean received(String lsn) {
        return Boolean.parseBoolean(replica.query("SELECT (pg_last_wal_receive_lsn() >= '" + lsn + "')::text"));
    }

    private static String primaryLsn() {
        try (Connection connection = DriverManager.getConnection(primary.url(), primary.user(), "");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(primary.url(), primary.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
