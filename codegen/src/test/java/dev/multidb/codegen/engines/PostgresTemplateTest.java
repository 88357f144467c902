package dev.multidb.codegen.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresTemplateTest {

    @Test
    void eachRunGetsItsOwnCopyOfTheTemplateAndLeavesNothingBehind() throws Exception {
        Path first;
        try (ProvisionedDatabase one = new PostgresEngine().embedded();
                ProvisionedDatabase two = new PostgresEngine().embedded();
                Connection a = DriverManager.getConnection(one.url(), one.user(), one.password());
                Connection b = DriverManager.getConnection(two.url(), two.user(), two.password())) {
            a.createStatement().execute("create table only_in_one (id int)");
            ResultSet tables = b.createStatement().executeQuery(
                    "select count(*) from information_schema.tables where table_name = 'only_in_one'");
            tables.next();
            assertThat(tables.getInt(1)).isZero();
            first = Path.of(dataDirectory(a));
            assertThat(first.getFileName().toString()).startsWith("multidb-codegen-pg");
            assertThat(first).isNotEqualTo(Path.of(dataDirectory(b)));
        }
        assertThat(first).doesNotExist();
    }

    private static String dataDirectory(Connection connection) throws Exception {
        ResultSet rows = connection.createStatement().executeQuery("show data_directory");
        rows.next();
        return rows.getString(1);
    }
}
