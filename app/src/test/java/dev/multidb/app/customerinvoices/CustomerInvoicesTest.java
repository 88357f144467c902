package dev.multidb.app.customerinvoices;

import dev.multidb.app.registry.ConsistencyToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.TestApp;
import dev.multidb.core.DomainException.Kind;
import dev.multidb.database1.Customer;
import dev.multidb.database1.CustomerRepository;
import dev.multidb.database2.Invoice;
import dev.multidb.database2.InvoiceRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule across both databases, called directly (no HTTP) against TestApp's PostgreSQL and H2. */
class CustomerInvoicesTest {

    private static TestApp app;
    private static CustomerInvoices customerInvoices;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        customerInvoices = new CustomerInvoices(app.database1(), app.database2());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void empty() {
        app.truncate();
    }

    @Test
    void customerWithAnOpenInvoiceIsNotDeletedAndTheRefusalIsAConflict() {
        long customer = createCustomer("ada@example.com");
        Invoice invoice = createInvoice(customer);

        assertThatThrownBy(() -> customerInvoices.deleteCustomer(customer))
                .isInstanceOfSatisfying(CustomerInvoicesException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.detail()).isEqualTo("customer " + customer
                            + " has open invoices; pay or void them first");
                });
        assertThat(customerInvoices.invoicesOf(customer, Optional.empty(), ConsistencyToken.NONE)).containsExactly(invoice);
    }

    @Test
    void invoiceForUnknownCustomerIsRefusedAsNotFoundAndNotWritten() {
        assertThatThrownBy(() -> createInvoice(9))
                .isInstanceOfSatisfying(CustomerInvoicesException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.detail()).isEqualTo("customer 9 does not exist");
                });
        List<Invoice> written = app.database2().call(dsl -> new InvoiceRepository(dsl).listByCustomer(9, Optional.empty()));
        assertThat(written).isEmpty();
    }

    @Test
    void deletionWaitsForAnInvoiceBeingCreatedAndThenRefuses() throws Exception {
        long customer = createCustomer("ada@example.com");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Invoice> creating = CompletableFuture.supplyAsync(() -> customerInvoices.createInvoice(
                customer, new BigDecimal("1.00"), "EUR", (d2, create) -> {
                    holding.countDown();
                    await(release);
                    return create.apply(d2);
                }));
        await(holding);
        CompletableFuture<Void> deleting = CompletableFuture.runAsync(() -> customerInvoices.deleteCustomer(customer));

        // Waiting on the row lock in PostgreSQL, not merely slow: the delete must see the invoice once it exists.
        assertThat(Poll.until(() -> waitingOnLocks() == 1, Duration.ofSeconds(5))).isTrue();
        assertThat(deleting).isNotDone();
        release.countDown();

        assertThat(creating.get(10, TimeUnit.SECONDS).customerId()).isEqualTo(customer);
        assertThat(deleting).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .havingCause().isInstanceOfSatisfying(CustomerInvoicesException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    }

    @Test
    void summaryOfUnknownCustomerIsRefusedAsNotFound() {
        assertThatThrownBy(() -> customerInvoices.summary(9, ConsistencyToken.NONE))
                .isInstanceOfSatisfying(CustomerInvoicesException.class,
                        e -> assertThat(List.of(e.kind(), e.detail()))
                                .containsExactly(Kind.NOT_FOUND, "customer 9 does not exist"));
    }

    private static long createCustomer(String email) {
        Customer customer = app.database1().call(dsl -> new CustomerRepository(dsl).create(email, "Ada"));
        return customer.id();
    }

    private static Invoice createInvoice(long customer) {
        return customerInvoices.createInvoice(customer, new BigDecimal("1.00"), "EUR",
                (d2, create) -> create.apply(d2));
    }

    private static int waitingOnLocks() {
        return ((Number) app.database1().dsl().fetchValue(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")).intValue();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
