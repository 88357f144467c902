package dev.multidb.app.embedded;

import static dev.multidb.app.TestDatabases.SAMPLE_ON_H2;
import static dev.multidb.app.TestDatabases.SAMPLE_ON_POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.config.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;
import dev.multidb.app.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDefaultsTest {

    @TempDir
    Path data;

    @Test
    void databasesWithoutUrlRunOnTheirEnginesEmbeddedDefault() throws SQLException {
        try (EmbeddedDefaults embedded = EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES, SAMPLE_ON_H2), config())) {
            DatabaseConfig postgres = embedded.config().database("database1");
            DatabaseConfig h2 = embedded.config().database("database2");

            assertThat(postgres.url()).startsWith("jdbc:postgresql://localhost:");
            assertThat(h2.url()).startsWith("jdbc:h2:file:" + data.resolve("database2").toAbsolutePath())
                    .contains(";MODE=MSSQLServer;");
            assertThat(answers(postgres)).isTrue();
            assertThat(answers(h2)).isTrue();
        }
    }

    @Test
    void eachDatabaseKeepsItsFilesInItsOwnFolder() {
        try (EmbeddedDefaults ignored = EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES, SAMPLE_ON_H2), config())) {
            assertThat(data.resolve("database1/PG_VERSION")).exists();
            assertThat(data.resolve("database2/database2.mv.db")).exists();
        }
    }

    @Test
    void databaseWithUrlIsLeftToItsServer() {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("DATABASE2_URL", "jdbc:h2:mem:given;MODE=MSSQLServer");

        try (EmbeddedDefaults embedded = EmbeddedDefaults.start(List.of(SAMPLE_ON_H2), ConfigLoader.load(env))) {
            assertThat(embedded.config().database("database2").url()).isEqualTo("jdbc:h2:mem:given;MODE=MSSQLServer");
            assertThat(data.resolve("database2")).doesNotExist();
        }
    }

    @Test
    void migrationCredentialsFollowTheEmbeddedServer() {
        try (EmbeddedDefaults embedded = EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES), config())) {
            DatabaseConfig postgres = embedded.config().database("database1");

            assertThat(postgres.migrationUser()).isEqualTo(postgres.user()).isEqualTo("postgres");
        }
    }

    @Test
    void postgresDataDirectoryInUseIsRefused() {
        try (EmbeddedDefaults ignored = EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES), config())) {
            assertThatThrownBy(() -> EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES), config()))
                    .isInstanceOf(EmbeddedDatabaseException.class)
                    .hasMessageContaining("database1: the embedded PostgreSQL in ")
                    .hasMessageContaining("is in use by another multidb process;"
                            + " stop that process or set DATABASE1_URL");
        }
    }

    @Test
    void productionNeverStartsAnEmbeddedDatabase() {
        AppConfig production = new AppConfig("production", 0, false, false, data.toString(),
                List.of(config().database("database1")));

        assertThatThrownBy(() -> EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES), production))
                .hasMessage("database1: production has no embedded default; configure the database's URL");
    }

    @Test
    void startInterruptedWhileWaitingForPostgresStopsEveryDatabaseThatStarted() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starting = Thread.ofPlatform().start(() -> {
            try {
                EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES, SAMPLE_ON_H2), config()).close();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        // H2 opens in a moment; PostgreSQL takes about a second: interrupt while the start waits for it.
        assertThat(Poll.until(() -> Files.exists(data.resolve("database2/database2.mv.db")), Duration.ofSeconds(30)))
                .isTrue();
        starting.interrupt();
        starting.join(Duration.ofSeconds(60));

        assertThat(failure.get()).isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessage("interrupted while starting the embedded databases");
        assertThat(data.resolve("database1/postmaster.pid")).doesNotExist();
        assertThat(h2Sessions()).as("sessions open on database2's file once this test opens it").isEqualTo(1);
    }

    // The started H2 database is closed when a new connection is the only session on its file.
    private long h2Sessions() throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("database2/database2").toAbsolutePath() + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                var rows = connection.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private AppConfig config() {
        return ConfigLoader.load(TestDatabases.env(data));
    }

    private static boolean answers(DatabaseConfig database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password().value())) {
            return connection.isValid(2);
        }
    }
}
