package dev.multidb.codegen.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTemplateTest {

    @Test
    void eachRunGetsItsOwnCopyOfTheTemplateAndLeavesNothingBehind() throws Exception {
        Path first;
        String url;
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
            assertThat(first.getFileName().toString()).startsWith(PostgresTemplate.COPY_PREFIX);
            assertThat(first.getParent()).isEqualTo(PostgresTemplate.copiesRoot());
            assertThat(first).isNotEqualTo(Path.of(dataDirectory(b)));
            url = one.url();
        }
        assertThat(first).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .as("the server is stopped once closed").isInstanceOf(SQLException.class);
    }

    @Test
    void copiesGoToMemoryWhereTheMachineHasRoomForThem() throws IOException {
        Path memory = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(memory) && Files.getFileStore(memory).getUsableSpace() > 1024L * 1024 * 1024,
                "no /dev/shm with 1 GiB free on this machine: copies go to the temporary folder");
        assertThat(PostgresTemplate.copiesRoot()).isEqualTo(memory);
    }

    @Test
    void aServerThatCannotStartIsReportedInItsOwnWordsAndItsFolderIsRemoved() throws Exception {
        PostgresTemplate.Copy copy = PostgresTemplate.freshCopy().orElseThrow();
        Path postgres = copy.postgres().orElseThrow(() -> new AssertionError("the template names no postgres"));
        Files.delete(copy.dataDirectory().resolve("postgresql.conf"));

        assertThatThrownBy(() -> PostgresProcess.start(postgres, copy.dataDirectory()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("before it was ready")
                .hasMessageContaining("postgresql.conf");
        assertThat(copy.dataDirectory()).doesNotExist();
    }

    @Test
    void copiesLeftByAKilledBuildAreRemovedOnceAnHourOldButNotYoungerOnesNorTheTemplate(@TempDir Path root)
            throws Exception {
        Path abandoned = aged(Files.createDirectory(root.resolve(PostgresTemplate.COPY_PREFIX + "1")));
        Path running = Files.createDirectory(root.resolve(PostgresTemplate.COPY_PREFIX + "2"));
        Path template = aged(Files.createDirectory(root.resolve("multidb-codegen-pgdata-0123456789abcdef")));

        PostgresTemplate.removeAbandoned(root);

        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
        assertThat(template).exists();
    }

    private static Path aged(Path folder) throws IOException {
        Files.writeString(folder.resolve("PG_VERSION"), "17");
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        return folder;
    }

    private static String dataDirectory(Connection connection) throws Exception {
        ResultSet rows = connection.createStatement().executeQuery("show data_directory");
        rows.next();
        return rows.getString(1);
    }
}
