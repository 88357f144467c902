package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against H2 in MODE=MSSQLServer, schema built by Flyway from the module's own migrations. */
class InvoiceRepositoryTest {

    private DSLContext dsl;
    private InvoiceRepository invoices;

    @BeforeEach
    void freshDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(Database2.DESCRIPTOR.migrationLocation()).load().migrate();
        dsl = DSL.using(url, "sa", "");
        assertThat(dsl.dialect()).isEqualTo(SQLDialect.H2);
        invoices = new InvoiceRepository(dsl);
    }

    @Test
    void createdInvoiceIsOpenAndFoundWithItsExactAmount() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Invoice created = invoices.create(7, new BigDecimal("12.50"), "EUR");

        assertThat(created.customerId()).isEqualTo(7);
        assertThat(created.amount()).isEqualByComparingTo("12.50");
        assertThat(created.currency()).isEqualTo("EUR");
        assertThat(created.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(created.issuedAt()).isAfterOrEqualTo(before);
        assertThat(invoices.findById(created.id())).contains(created);
    }

    @Test
    void smallestAndLargestAmountsKeepEveryDigit() {
        Invoice tiny = invoices.create(7, new BigDecimal("0.0001"), "EUR");
        Invoice huge = invoices.create(7, new BigDecimal("999999999999999.9999"), "EUR");

        assertThat(invoices.findById(tiny.id()).orElseThrow().amount()).isEqualByComparingTo("0.0001");
        assertThat(invoices.findById(huge.id()).orElseThrow().amount()).isEqualByComparingTo("999999999999999.9999");
    }

    @Test
    void databaseRefusesAmountsThatAreNotPositive() {
        assertThatThrownBy(() -> invoices.create(7, BigDecimal.ZERO, "EUR")).isInstanceOf(DataAccessException.class);
        assertThat(dsl.fetchCount(INVOICE)).isZero();
    }

    @Test
    void listByCustomerReturnsOnlyThatCustomersInvoicesInIdOrder() {
        Invoice first = invoices.create(7, new BigDecimal("1.00"), "EUR");
        invoices.create(8, new BigDecimal("2.00"), "EUR");
        Invoice third = invoices.create(7, new BigDecimal("3.00"), "USD");

        assertThat(invoices.listByCustomer(7, Optional.empty())).containsExactly(first, third);
    }

    @Test
    void statusFilterKeepsOnlyInvoicesInThatStatus() {
        Invoice open = invoices.create(7, new BigDecimal("1.00"), "EUR");
        Invoice paid = invoices.create(7, new BigDecimal("2.00"), "EUR");
        invoices.pay(paid.id());

        assertThat(invoices.listByCustomer(7, Optional.of(InvoiceStatus.OPEN))).containsExactly(open);
        assertThat(invoices.listByCustomer(7, Optional.of(InvoiceStatus.PAID)))
                .extracting(Invoice::id).containsExactly(paid.id());
        assertThat(invoices.listByCustomer(7, Optional.of(InvoiceStatus.VOID))).isEmpty();
    }

    @Test
    void payingAnOpenInvoicePaysItAndPayingTwiceReportsNotOpen() {
        Invoice invoice = invoices.create(7, new BigDecimal("5.00"), "USD");

        assertThat(invoices.pay(invoice.id())).isEqualTo(PayOutcome.PAID);
        assertThat(invoices.findById(invoice.id()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoices.pay(invoice.id())).isEqualTo(PayOutcome.NOT_OPEN);
    }

    @Test
    void payingAnUnknownInvoiceReportsNotFound() {
        assertThat(invoices.pay(12345)).isEqualTo(PayOutcome.NOT_FOUND);
    }

    @Test
    void summaryCountsEveryStatusAndTotalsOpenInvoicesPerCurrencyExactly() {
        invoices.create(7, new BigDecimal("0.10"), "EUR");
        invoices.create(7, new BigDecimal("0.20"), "EUR");
        invoices.create(7, new BigDecimal("5.00"), "USD");
        invoices.pay(invoices.create(7, new BigDecimal("100.00"), "EUR").id());
        invoices.create(8, new BigDecimal("1000.00"), "EUR");

        InvoiceSummary summary = invoices.summarize(7);

        assertThat(summary.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                InvoiceStatus.OPEN, 3L, InvoiceStatus.PAID, 1L, InvoiceStatus.VOID, 0L));
        assertThat(summary.outstanding()).containsOnlyKeys("EUR", "USD");
        assertThat(summary.outstanding().keySet()).containsExactly("EUR", "USD");
        assertThat(summary.outstanding().get("EUR")).isEqualByComparingTo("0.30");
        assertThat(summary.outstanding().get("USD")).isEqualByComparingTo("5.00");
    }

    @Test
    void summaryOfACustomerWithoutInvoicesIsAllZero() {
        InvoiceSummary summary = invoices.summarize(99);

        assertThat(summary.counts()).containsOnly(
                Map.entry(InvoiceStatus.OPEN, 0L), Map.entry(InvoiceStatus.PAID, 0L), Map.entry(InvoiceStatus.VOID, 0L));
        assertThat(summary.outstanding()).isEmpty();
    }

    @Test
    void hasOpenInvoicesIsTrueOnlyWhileOneIsOpen() {
        assertThat(invoices.hasOpenInvoices(7)).isFalse();
        Invoice invoice = invoices.create(7, new BigDecimal("1.00"), "EUR");
        assertThat(invoices.hasOpenInvoices(7)).isTrue();
        invoices.pay(invoice.id());
        assertThat(invoices.hasOpenInvoices(7)).isFalse();
    }

    @Test
    void statusIdsParseExactly() {
        assertThat(InvoiceStatus.parse("open")).contains(InvoiceStatus.OPEN);
        assertThat(InvoiceStatus.parse("OPEN")).isEmpty();
        assertThat(InvoiceStatus.parse("")).isEmpty();
    }
}
