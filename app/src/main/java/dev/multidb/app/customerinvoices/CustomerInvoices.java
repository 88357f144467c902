package dev.multidb.app.customerinvoices;

import dev.multidb.app.registry.ConsistencyToken;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Written;
import dev.multidb.core.DomainException.Kind;
import dev.multidb.database1.Customer;
import dev.multidb.database1.CustomerRepository;
import dev.multidb.database2.Invoice;
import dev.multidb.database2.InvoiceRepository;
import dev.multidb.database2.InvoiceStatus;
import dev.multidb.database2.InvoiceSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The rules that span both databases. No transaction spans the two engines, so the customer's row in
 * database1 is the point of coordination: invoice creation holds it shared while it inserts in database2,
 * deletion holds it exclusively while it checks database2, so an open invoice never outlives its customer.
 * Both take their database2 place first ({@link Database#callWith}): a hung or full database2 refuses them before
 * they hold a database1 connection, and they may hold only a share of database1's places.
 */
public final class CustomerInvoices {

    public record Summary(Customer customer, InvoiceSummary invoices) {
    }

    private final Database customers;
    private final Database invoices;

    /** What runs in database2 while the customer's row is held: {@code create} inserts the invoice, wrapped as the caller needs. */
    public interface InDatabase2<T> {
        T run(DSLContext database2, Function<DSLContext, Invoice> create);
    }

    public CustomerInvoices(Database customers, Database invoices) {
        this.customers = customers;
        this.invoices = invoices;
    }

    /** Creates the invoice through {@code inDatabase2} (the HTTP edge stores an Idempotency-Key in its transaction). */
    public <T> T createInvoice(long customerId, BigDecimal amount, String currency, InDatabase2<T> inDatabase2) {
        return customers.callWith(invoices, dsl -> dsl.transactionResult(tx -> {
            new CustomerRepository(tx.dsl()).lockForShare(customerId)
                    .orElseThrow(() -> customerNotFound(customerId));
            return invoices.call(d2 -> inDatabase2.run(d2,
                    d -> new InvoiceRepository(d).create(customerId, amount, currency)));
        }));
    }

    public Written<Boolean> deleteCustomer(long customerId) {
        return customers.writeWith(invoices, dsl -> dsl.transactionResult(tx -> {
            CustomerRepository repository = new CustomerRepository(tx.dsl());
            repository.lockForUpdate(customerId).orElseThrow(() -> customerNotFound(customerId));
            if (invoices.call(d2 -> new InvoiceRepository(d2).hasOpenInvoices(customerId))) {
                throw new CustomerInvoicesException(Kind.CONFLICT,
                        "customer " + customerId + " has open invoices; pay or void them first");
            }
            return repository.delete(customerId);
        }));
    }

    public List<Invoice> invoicesOf(long customerId, Optional<InvoiceStatus> status, ConsistencyToken token) {
        requireCustomer(customerId, token);
        return invoices.call(dsl -> new InvoiceRepository(dsl).listByCustomer(customerId, status));
    }

    public Summary summary(long customerId, ConsistencyToken token) {
        Customer customer = requireCustomer(customerId, token);
        return new Summary(customer, invoices.call(dsl -> new InvoiceRepository(dsl).summarize(customerId)));
    }

    private Customer requireCustomer(long customerId, ConsistencyToken token) {
        return customers.read(token, dsl -> new CustomerRepository(dsl).findById(customerId))
                .orElseThrow(() -> customerNotFound(customerId));
    }

    public static CustomerInvoicesException customerNotFound(long customerId) {
        return new CustomerInvoicesException(Kind.NOT_FOUND, "customer " + customerId + " does not exist");
    }
}
