package dev.multidb.app;

import static dev.multidb.app.TestDatabases.SAMPLE_ON_H2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.app.embedded.EmbeddedDefaults;
import dev.multidb.app.migrate.MigrationRow.Kind;
import dev.multidb.app.migrate.Migrations;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Customer;
import dev.multidb.database1.CustomerRepository;
import dev.multidb.database1.Database1;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSurvivesRestartTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR, SAMPLE_ON_H2);

    @TempDir
    Path data;

    @Test
    void customerWrittenBeforeARestartIsReadAfterIt() {
        long id;
        try (EmbeddedDefaults first = startMigratedAndSeeded()) {
            id = withCustomers(first, customers -> customers.create("restart@example.com", "Restart").id());
        }

        try (EmbeddedDefaults second = EmbeddedDefaults.start(DATABASES, config())) {
            assertThat(withCustomers(second, customers -> customers.findById(id)).map(Customer::email))
                    .isEqualTo(Optional.of("restart@example.com"));
        }
    }

    @Test
    void schemaAndSeedsAppliedBeforeARestartAreNotAppliedAgain() {
        try (EmbeddedDefaults ignored = startMigratedAndSeeded()) {
            // started, migrated and seeded once
        }

        try (EmbeddedDefaults second = EmbeddedDefaults.start(DATABASES, config())) {
            for (DatabaseDescriptor descriptor : DATABASES) {
                Migrations migrations = Migrations.of(descriptor, second.config());
                assertThat(migrations.info().applied(Kind.SEED)).isEqualTo(1);
                assertThat(migrations.migrate().applied()).isZero();
                assertThat(migrations.seed().applied()).isZero();
            }
        }
    }

    private EmbeddedDefaults startMigratedAndSeeded() {
        EmbeddedDefaults embedded = EmbeddedDefaults.start(DATABASES, config());
        for (DatabaseDescriptor descriptor : DATABASES) {
            Migrations.of(descriptor, embedded.config()).migrate();
            Migrations.of(descriptor, embedded.config()).seed();
        }
        return embedded;
    }

    private AppConfig config() {
        return ConfigLoader.load(TestDatabases.env(data));
    }

    private static <T> T withCustomers(EmbeddedDefaults embedded, Function<CustomerRepository, T> work) {
        DatabaseConfig database = embedded.config().database("database1");
        try (CloseableDSLContext dsl = DSL.using(database.url(), database.user(), database.password().value())) {
            return work.apply(new CustomerRepository(dsl));
        }
    }
}
