package dev.multidb.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.codegen.engines.ProvisionedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version codegen writes into SchemaVersion, against a real H2. */
class MigratorTest {

    @TempDir
    Path migrations;

    @Test
    void aFreshDatabaseIsAtTheLastMigrationApplied() throws Exception {
        write("V1__create_book.sql", "create table book (id bigint primary key);");
        write("V2__add_title.sql", "alter table book add column title varchar(100);");

        assertThat(Migrator.migrate(h2("fresh"), migrations)).isEqualTo("2");
    }

    @Test
    void aServerAlreadyMigratedIsAtItsCurrentVersionThoughNothingIsApplied() throws Exception {
        write("V1__create_book.sql", "create table book (id bigint primary key);");
        write("V2__add_title.sql", "alter table book add column title varchar(100);");
        ProvisionedDatabase server = h2("migrated");
        Migrator.migrate(server, migrations);

        assertThat(Migrator.migrate(server, migrations)).isEqualTo("2");
    }

    @Test
    void noVersionedMigrationIsVersionZero() throws Exception {
        write("R__view.sql", "create or replace view answer as select 42 as answer_value;");

        assertThat(Migrator.migrate(h2("repeatable"), migrations)).isEqualTo("0");
    }

    private ProvisionedDatabase h2(String name) {
        return ProvisionedDatabase.existing("jdbc:h2:mem:migrator-" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private void write(String file, String sql) throws Exception {
        Files.writeString(migrations.resolve(file), sql);
    }
}
