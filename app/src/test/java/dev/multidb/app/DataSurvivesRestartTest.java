package dev.multidb.app;

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
import dev.multidb.database2.Database2;
import dev.multidb.database2.Invoice;
import dev.multidb.database2.InvoiceRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSurvivesRestartTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR);

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
    void invoiceWrittenBeforeARestartIsReadAfterIt() {
        long id;
        try (EmbeddedDefaults first = startMigratedAndSeeded()) {
            id = withInvoices(first, invoices -> invoices.create(7, new BigDecimal("12.50"), "EUR").id());
        }

        try (EmbeddedDefaults second = EmbeddedDefaults.start(DATABASES, config())) {
            assertThat(withInvoices(second, invoices -> invoices.findById(id)).map(Invoice::amount))
                    .isEqualTo(Optional.of(new BigDecimal("12.5000")));
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
        try (CloseableDSLContext dsl = connect(embedded.config().database("database1"))) {
            return work.apply(new CustomerRepository(dsl));
        }
    }

    private static <T> T withInvoices(EmbeddedDefaults embedded, Function<InvoiceRepository, T> work) {
        try (CloseableDSLContext dsl = connect(embedded.config().database("database2"))) {
            return work.apply(new InvoiceRepository(dsl));
        }
    }

    private static CloseableDSLContext connect(DatabaseConfig database) {
        return DSL.using(database.url(), database.user(), database.password().value());
    }
}
