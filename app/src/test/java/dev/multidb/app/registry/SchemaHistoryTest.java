package dev.multidb.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.testing.PostgresForClass;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaHistoryTest {

    @RegisterExtension
    static final PostgresForClass POSTGRES = new PostgresForClass();

    @Test
    void aDatabaseWithoutAHistoryTableHasNoVersion() throws SQLException {
        try (Connection connection = connect(database("fresh"))) {
            assertThat(SchemaHistory.currentVersion(DSL.using(connection, SQLDialect.POSTGRES))).isEmpty();
        }
    }

    @Test
    void aHistoryTheAccountMayNotReadIsAFailureNotVersionNone() throws SQLException {
        String url = database("guarded");
        try (Connection owner = connect(url); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE flyway_schema_history (installed_rank int, version text, success boolean)");
            statement.execute("INSERT INTO flyway_schema_history VALUES (1, '1', true)");
            statement.execute("CREATE ROLE no_history LOGIN");
        }
        try (Connection reader = DriverManager.getConnection(url, "no_history", "")) {
            // Before: any failure that was not an outage read as "never migrated", so readiness said "run migrate".
            assertThatThrownBy(() -> SchemaHistory.currentVersion(DSL.using(reader, SQLDialect.POSTGRES)))
                    .isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("42501"));
        }
    }

    // Each test its own database, so that one's history table is not another's.
    private static String database(String name) throws SQLException {
        try (Connection connection = connect(POSTGRES.get().url()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return POSTGRES.get().url().replace("/postgres", "/" + name);
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, POSTGRES.get().user(), "");
    }
}
