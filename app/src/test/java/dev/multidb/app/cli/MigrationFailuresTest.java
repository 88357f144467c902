package dev.multidb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.multidb.app.TestDatabases;
import dev.multidb.app.testing.PostgresForClass;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Database1;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A failed migrate against a real PostgreSQL names what to check for each cause: account, URL, privilege. */
class MigrationFailuresTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR);
    private static final String ACCOUNT = "check DATABASE1_MIGRATION_USER and DATABASE1_MIGRATION_PASSWORD (or"
            + " DATABASE1_USER and DATABASE1_PASSWORD when those are blank)\n";

    @RegisterExtension
    static final PostgresForClass POSTGRES = new PostgresForClass();

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(POSTGRES.get().url(), POSTGRES.get().user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("create role checked login password 'right-password'");
            statement.execute("create role reader login password 'reader-password'");
            // PostgreSQL 14 still lets everyone create in public; 15 and later do not.
            statement.execute("revoke create on schema public from public");
            // The embedded server trusts every login; make it check this one's password.
            Path hba = POSTGRES.get().dataDirectory().resolve("pg_hba.conf");
            Files.writeString(hba, "host all checked 127.0.0.1/32 scram-sha-256\nhost all checked ::1/128"
                    + " scram-sha-256\n" + Files.readString(hba));
            statement.execute("select pg_reload_conf()");
        }
    }

    @Test
    void wrongPasswordNamesTheMigrationAccountVariables() {
        CliRun migrate = migrate(POSTGRES.get().url(), "checked", "wrong-password");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err()).isEqualTo("multidb: database1: migrate failed: the server refused the migration"
                + " account (FATAL: password authentication failed for user \"checked\"); " + ACCOUNT);
    }

    @Test
    void missingPrivilegeNamesTheAccountAndTheGrantAndFlywaysRetriesAreSaid() {
        Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        flyway.addAppender(log);
        CliRun migrate;
        try {
            migrate = migrate(POSTGRES.get().url(), "reader", "reader-password");
        } finally {
            flyway.detachAppender(log);
        }

        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .contains("Schema History table creation failed. Retrying in 1 sec ...");
        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err()).startsWith("multidb: database1: migrate failed: the migration account lacks a"
                + " privilege (ERROR: permission denied for schema public").endsWith("); grant it the right to change"
                + " the schema, or set DATABASE1_MIGRATION_USER and DATABASE1_MIGRATION_PASSWORD (or DATABASE1_USER"
                + " and DATABASE1_PASSWORD when those are blank) to the schema's owner\n").hasLineCount(1);
    }

    @Test
    void unknownHostNamesTheUrlVariable() {
        CliRun migrate = migrate("jdbc:postgresql://multidb-test.invalid:5432/postgres", "checked", "x");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err()).isEqualTo("multidb: database1: migrate failed: unknown host multidb-test.invalid;"
                + " check the host name in DATABASE1_URL\n");
    }

    @Test
    void refusedPortNamesTheUrlVariable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        CliRun migrate = migrate("jdbc:postgresql://127.0.0.1:" + closed + "/postgres", "checked", "x");

        assertThat(migrate.exitCode()).isEqualTo(1);
        assertThat(migrate.err()).startsWith("multidb: database1: migrate failed: connection refused (")
                .endsWith("; check the host and port in DATABASE1_URL and that the server is running\n")
                .hasLineCount(1);
    }

    @Test
    void onlyAFailingStatementSaysToFixTheMigration() {
        for (CliRun failure : List.of(migrate(POSTGRES.get().url(), "checked", "wrong-password"),
                migrate(POSTGRES.get().url(), "reader", "reader-password"))) {
            assertThat(failure.err()).doesNotContain("fix the migration");
        }
    }

    private CliRun migrate(String url, String user, String password) {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("DATABASE1_URL", url);
        env.put("DATABASE1_MIGRATION_USER", user);
        env.put("DATABASE1_MIGRATION_PASSWORD", password);
        return CliRun.run(DATABASES, env, "migrate", "-d", "database1");
    }
}
