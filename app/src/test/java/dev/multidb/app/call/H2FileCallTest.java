package dev.multidb.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.config.Secret;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Registry;
import dev.multidb.database2.Database2;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls to an H2 file database, as the embedded default runs it: a call cut off at its deadline, or running while
 * the registry closes, is left to finish uninterrupted, and the database stays usable (h2database#1076, #1300).
 */
public class H2FileCallTest {

    private static final Duration DEADLINE = Duration.ofSeconds(1);
    // H2 runs this Java function inside its statement: the statement blocks here, in the middle of H2's work.
    private static volatile CountDownLatch gate = new CountDownLatch(1);
    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

    @TempDir
    Path directory;
    private String url;
    private Registry registry;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:h2:file:" + directory.resolve("database2") + ";MODE=MSSQLServer;FILE_LOCK=FS;WRITE_DELAY=0";
        gate = new CountDownLatch(1);
        INTERRUPTED.set(false);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE NOTE (ID INT PRIMARY KEY)");
            connection.createStatement().execute("CREATE ALIAS WAIT_AT_GATE FOR \"" + H2FileCallTest.class.getName()
                    + ".waitAtGate\"");
        }
        DatabaseConfig database = new DatabaseConfig("database2", url, "sa", Secret.NONE, "sa", Secret.NONE, 2,
                DEADLINE, Duration.ofSeconds(1), 4);
        registry = Registry.open(List.of(Database2.DESCRIPTOR),
                new AppConfig("test", 0, false, false, directory.toString(), List.of(database)), new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        gate.countDown();
        registry.close();
    }

    public static int waitAtGate() {
        try {
            gate.await(30, TimeUnit.SECONDS);
            return 1;
        } catch (InterruptedException e) {
            INTERRUPTED.set(true);
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Test
    void h2CallCutOffAtItsDeadlineIsNeverInterruptedAndTheFileDatabaseStaysUsable() throws SQLException {
        Database database = registry.get("database2");

        assertThatThrownBy(() -> database.call(dsl -> dsl.fetchValue("SELECT WAIT_AT_GATE()")))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("no answer within");
        gate.countDown();

        assertThat(dev.multidb.app.testing.Poll.until(() -> callSucceeds(database), Duration.ofSeconds(5))).isTrue();
        assertThat(INTERRUPTED).as("the thread running H2's statement was interrupted").isFalse();
        assertThat(rowsFromANewConnection()).isEqualTo(1);
    }

    @Test
    void closingTheRegistryNeverInterruptsRunningH2Work() throws Exception {
        Database database = registry.get("database2");
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                database.call(dsl -> dsl.fetchValue("SELECT WAIT_AT_GATE()"));
            } catch (DatabaseUnavailableException expected) {
                // cut off at its deadline
            }
        });
        assertThat(dev.multidb.app.testing.Poll.until(() -> database.callsInFlight() == 1, Duration.ofSeconds(5)))
                .isTrue();

        registry.close();
        gate.countDown();
        caller.join(Duration.ofSeconds(5));

        assertThat(INTERRUPTED).as("the thread running H2's statement was interrupted").isFalse();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(connection.createStatement().executeQuery("SELECT 1").next()).isTrue();
        }
    }

    private static boolean callSucceeds(Database database) {
        try {
            return database.call(dsl -> dsl.execute("INSERT INTO NOTE (ID) VALUES (1)")) == 1;
        } catch (DatabaseUnavailableException e) {
            return false;
        }
    }

    private int rowsFromANewConnection() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM NOTE");
            rows.next();
            return rows.getInt(1);
        }
    }
}
