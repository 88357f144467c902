package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.INVOICE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

import dev.multidb.database2.jooq.tables.records.InvoiceRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Invoices in database2. All SQL goes through the generated classes; times are stored as UTC. */
public final class InvoiceRepository {

    private final DSLContext dsl;

    public InvoiceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Issues an open invoice now. */
    public Invoice create(long customerId, BigDecimal amount, String currency) {
        // datetime2 keeps 100 ns; milliseconds are what the API shows, so store exactly that.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return toInvoice(dsl.insertInto(INVOICE, INVOICE.CUSTOMER_ID, INVOICE.AMOUNT, INVOICE.CURRENCY,
                        INVOICE.STATUS, INVOICE.ISSUED_AT)
                .values(customerId, amount, currency, InvoiceStatus.OPEN.id(), now)
                .returning()
                .fetchSingle());
    }

    public Optional<Invoice> findById(long id) {
        return dsl.selectFrom(INVOICE).where(INVOICE.ID.eq(id)).fetchOptional().map(InvoiceRepository::toInvoice);
    }

    /** The customer's invoices in id order, only those with {@code status} when given. */
    public List<Invoice> listByCustomer(long customerId, Optional<InvoiceStatus> status) {
        Condition condition = INVOICE.CUSTOMER_ID.eq(customerId);
        if (status.isPresent()) {
            condition = condition.and(INVOICE.STATUS.eq(status.get().id()));
        }
        return dsl.selectFrom(INVOICE).where(condition).orderBy(INVOICE.ID).fetch(InvoiceRepository::toInvoice);
    }

    /** Marks an open invoice paid; says why not otherwise. */
    public PayOutcome pay(long id) {
        int updated = dsl.update(INVOICE)
                .set(INVOICE.STATUS, InvoiceStatus.PAID.id())
                .where(INVOICE.ID.eq(id).and(INVOICE.STATUS.eq(InvoiceStatus.OPEN.id())))
                .execute();
        if (updated == 1) {
            return PayOutcome.PAID;
        }
        return dsl.fetchExists(selectOne().from(INVOICE).where(INVOICE.ID.eq(id)))
                ? PayOutcome.NOT_OPEN
                : PayOutcome.NOT_FOUND;
    }

    /** Counts per status and the open total per currency, aggregated by the database. */
    public InvoiceSummary summarize(long customerId) {
        Map<InvoiceStatus, Long> counts = new EnumMap<>(InvoiceStatus.class);
        for (InvoiceStatus status : InvoiceStatus.values()) {
            counts.put(status, 0L);
        }
        dsl.select(INVOICE.STATUS, count())
                .from(INVOICE)
                .where(INVOICE.CUSTOMER_ID.eq(customerId))
                .groupBy(INVOICE.STATUS)
                .fetch()
                .forEach(row -> InvoiceStatus.parse(row.value1())
                        .ifPresent(status -> counts.put(status, row.value2().longValue())));

        Map<String, BigDecimal> outstanding = new LinkedHashMap<>();
        dsl.select(INVOICE.CURRENCY, sum(INVOICE.AMOUNT))
                .from(INVOICE)
                .where(INVOICE.CUSTOMER_ID.eq(customerId).and(INVOICE.STATUS.eq(InvoiceStatus.OPEN.id())))
                .groupBy(INVOICE.CURRENCY)
                .orderBy(INVOICE.CURRENCY)
                .fetch()
                .forEach(row -> outstanding.put(row.value1(), row.value2()));
        return new InvoiceSummary(Collections.unmodifiableMap(counts), Collections.unmodifiableMap(outstanding));
    }

    public boolean hasOpenInvoices(long customerId) {
        return dsl.fetchExists(selectOne().from(INVOICE)
                .where(INVOICE.CUSTOMER_ID.eq(customerId).and(INVOICE.STATUS.eq(InvoiceStatus.OPEN.id()))));
    }

    private static Invoice toInvoice(InvoiceRecord row) {
        InvoiceStatus status = InvoiceStatus.parse(row.getStatus())
                .orElseThrow(() -> new IllegalStateException("invoice " + row.getId() + " has unknown status"));
        Instant issuedAt = row.getIssuedAt().toInstant(ZoneOffset.UTC);
        return new Invoice(row.getId(), row.getCustomerId(), row.getAmount(), row.getCurrency(), status, issuedAt);
    }
}
