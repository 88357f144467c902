package dev.multidb.app.migrate;

import static dev.multidb.app.TestDatabases.SAMPLE_ON_H2;
import static dev.multidb.app.TestDatabases.SAMPLE_ON_POSTGRES;
import static dev.multidb.app.TestDatabases.expecting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.embedded.EmbeddedDefaults;
import dev.multidb.app.migrate.MigrationRow.Kind;
import dev.multidb.core.DatabaseDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command against both engines: a real embedded PostgreSQL and H2 in SQL Server mode. */
class MigrationsTest {

    @TempDir
    static Path data;
    private static EmbeddedDefaults embedded;

    @BeforeAll
    static void startDatabases() {
        embedded = EmbeddedDefaults.start(databases().toList(), ConfigLoader.load(TestDatabases.env(data)));
    }

    @AfterAll
    static void stopDatabases() {
        embedded.close();
    }

    @BeforeEach
    void emptyDatabases() {
        databases().forEach(d -> Migrations.of(d, config()).clean());
    }

    static Stream<DatabaseDescriptor> databases() {
        return Stream.of(SAMPLE_ON_POSTGRES, SAMPLE_ON_H2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migrateAppliesPendingMigrationsOnce(DatabaseDescriptor database) {
        Migrations migrations = Migrations.of(database, config());

        assertThat(migrations.migrate()).isEqualTo(new MigrateReport(database.name(), "", "2", 2));
        assertThat(migrations.migrate()).isEqualTo(new MigrateReport(database.name(), "2", "2", 0));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void brokenMigrationFailsNamingTheFileAndTheEnginesMessage(DatabaseDescriptor database) {
        DatabaseDescriptor broken = new DatabaseDescriptor(database.name(), database.engine(),
                "classpath:db/broken/migration", database.seedLocation(), "1");

        assertThatThrownBy(() -> Migrations.of(broken, config()).migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith(database.name() + ": migrate failed: V1__broken.sql at line 2: ")
                .hasMessageContaining("tabel")
                .hasMessageEndingWith("; fix the migration V1__broken.sql, then run migrate again")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seedsAreTrackedApartFromTheSchemaHistory(DatabaseDescriptor database) {
        Migrations migrations = Migrations.of(database, config());
        migrations.migrate();

        assertThat(migrations.seed()).isEqualTo(new SeedReport(database.name(), 1, "1"));
        InfoReport info = migrations.info();
        assertThat(info.rows()).extracting(MigrationRow::kind, MigrationRow::version, MigrationRow::state)
                .containsExactly(
                        tuple(Kind.SCHEMA, "1", "Success"),
                        tuple(Kind.SCHEMA, "2", "Success"),
                        tuple(Kind.SEED, "1", "Success"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seedingAgainAppliesNothing(DatabaseDescriptor database) {
        Migrations migrations = Migrations.of(database, config());
        migrations.migrate();
        migrations.seed();

        assertThat(migrations.seed()).isEqualTo(new SeedReport(database.name(), 0, "1"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void seedBeforeMigrateIsRefused(DatabaseDescriptor database) {
        assertThatThrownBy(() -> Migrations.of(database, config()).seed())
                .isInstanceOf(MigrationException.class)
                .hasMessage(database.name() + ": the schema is not migrated (2 pending); run migrate first");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void infoOfAnEmptyDatabaseShowsEverythingPending(DatabaseDescriptor database) {
        InfoReport info = Migrations.of(database, config()).info();

        assertThat(info.schemaVersion()).isEmpty();
        assertThat(info.expectedVersion()).isEqualTo("2");
        assertThat(info.pending(Kind.SCHEMA)).isEqualTo(2);
        assertThat(info.pending(Kind.SEED)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void schemaVersionIsTheLatestAppliedMigration(DatabaseDescriptor database) {
        Migrations migrations = Migrations.of(database, config());
        String before = migrations.schemaVersion();
        migrations.migrate();

        assertThat(before).isEmpty();
        assertThat(migrations.schemaVersion()).isEqualTo("2");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void validatePassesWhenTheSchemaMatchesTheCode(DatabaseDescriptor database) {
        Migrations.of(database, config()).migrate();

        assertThat(Migrations.of(database, config()).validate())
                .isEqualTo(new ValidateReport(database.name(), "2", List.of()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void validateFailsOnADatabaseOlderThanTheCode(DatabaseDescriptor database) {
        Migrations.of(database, config()).migrate();

        assertThat(Migrations.of(expecting(database, "3"), config()).validate().problems()).containsExactly(
                "schema version 2 is older than the code, which expects 3; run migrate");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void validateFailsOnADatabaseNewerThanTheCode(DatabaseDescriptor database) {
        Migrations.of(database, config()).migrate();

        assertThat(Migrations.of(expecting(database, "1"), config()).validate().problems()).containsExactly(
                "schema version 2 is newer than the code, which expects 1; deploy the build that matches the database");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void validateFailsWhenAnAppliedMigrationWasEdited(DatabaseDescriptor database) {
        Migrations.of(database, config()).migrate();
        DatabaseDescriptor edited = new DatabaseDescriptor(database.name(), database.engine(),
                "classpath:db/edited/migration", database.seedLocation(), "2");

        assertThat(Migrations.of(edited, config()).validate().problems()).singleElement().asString()
                .startsWith("the migrations on disk do not match the history (")
                .contains("checksum mismatch")
                .endsWith("; restore the changed or missing migration files");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cleanDropsTheSchemaAndBothHistories(DatabaseDescriptor database) {
        Migrations migrations = Migrations.of(database, config());
        migrations.migrate();
        migrations.seed();

        migrations.clean();

        InfoReport info = migrations.info();
        assertThat(info.schemaVersion()).isEmpty();
        assertThat(info.pending(Kind.SEED)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cleanIsRefusedInProduction(DatabaseDescriptor database) {
        Migrations migrations = Migrations.of(database, config());
        migrations.migrate();
        AppConfig production = new AppConfig("production", 0, false, false, data.toString(), config().databases());

        assertThatThrownBy(() -> Migrations.of(database, production).clean())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith(database.name() + ": clean is refused in production;");
        assertThat(migrations.info().schemaVersion()).isEqualTo("2");
    }

    // PostgreSQL (advisory lock) and SQL Server (sp_getapplock) serialize Flyway runs. H2 does not: Flyway locks
    // its history table with SELECT ... FOR UPDATE, which locks nothing while the table is empty. H2 is the
    // single-process development stand-in (its file is locked to one process), so this holds where it matters.
    @Test
    void instancesMigratingAtOnceApplyEachMigrationOnce() throws Exception {
        Callable<MigrateReport> migrate = () -> Migrations.of(SAMPLE_ON_POSTGRES, config()).migrate();
        List<MigrateReport> reports;
        try (ExecutorService instances = Executors.newFixedThreadPool(3)) {
            List<Future<MigrateReport>> started = instances.invokeAll(List.of(migrate, migrate, migrate));
            reports = started.stream().map(MigrationsTest::result).toList();
        }

        assertThat(reports).extracting(MigrateReport::toVersion).containsOnly("2");
        assertThat(reports.stream().mapToInt(MigrateReport::applied).sum()).isEqualTo(2);
    }

    private static AppConfig config() {
        return embedded.config();
    }

    private static MigrateReport result(Future<MigrateReport> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
