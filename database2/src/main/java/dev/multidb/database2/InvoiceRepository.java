package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.INVOICE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

import dev.multidb.core.query.CompiledQuery;
import dev.multidb.core.query.Row;
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
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.impl.DSL;

/** Invoices in database2. All SQL goes through the generated classes; times are stored as UTC. */
public final class InvoiceRepository {

    // The hot queries, compiled once per dialect (dev.multidb.core.query); the status filter is a second shape.
    static final Param<Long> ID = DSL.param("id", Long.class);
    static final Param<Long> CUSTOMER_ID = DSL.param("customerId", Long.class);
    static final Param<BigDecimal> AMOUNT = DSL.param("amount", BigDecimal.class);
    static final Param<String> CURRENCY = DSL.param("currency", String.class);
    static final Param<String> STATUS = DSL.param("status", String.class);
    static final Param<LocalDateTime> ISSUED_AT = DSL.param("issuedAt", LocalDateTime.class);
    static final CompiledQuery<Invoice> FIND_BY_ID = CompiledQuery.of(
            () -> DSL.selectFrom(INVOICE).where(INVOICE.ID.eq(ID)), InvoiceRepository::fromRow);
    static final CompiledQuery<Invoice> CREATE = CompiledQuery.of(
            () -> DSL.insertInto(INVOICE, INVOICE.CUSTOMER_ID, INVOICE.AMOUNT, INVOICE.CURRENCY, INVOICE.STATUS,
                    INVOICE.ISSUED_AT).values(CUSTOMER_ID, AMOUNT, CURRENCY, STATUS, ISSUED_AT).returning(),
            InvoiceRepository::fromRow);
    static final CompiledQuery<Invoice> BY_CUSTOMER = CompiledQuery.of(
            () -> DSL.selectFrom(INVOICE).where(INVOICE.CUSTOMER_ID.eq(CUSTOMER_ID)).orderBy(INVOICE.ID),
            InvoiceRepository::fromRow);
    static final CompiledQuery<Invoice> BY_CUSTOMER_AND_STATUS = CompiledQuery.of(
            () -> DSL.selectFrom(INVOICE).where(INVOICE.CUSTOMER_ID.eq(CUSTOMER_ID).and(INVOICE.STATUS.eq(STATUS)))
                    .orderBy(INVOICE.ID),
            InvoiceRepository::fromRow);

    private final DSLContext dsl;

    public InvoiceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Issues an open invoice now. */
    public Invoice create(long customerId, BigDecimal amount, String currency) {
        // datetime2 keeps 100 ns; milliseconds are what the API shows, so store exactly that.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return CREATE.with(CUSTOMER_ID, customerId).with(AMOUNT, amount).with(CURRENCY, currency)
                .with(STATUS, InvoiceStatus.OPEN.id()).with(ISSUED_AT, now).fetchSingle(dsl);
    }

    public Optional<Invoice> findById(long id) {
        return FIND_BY_ID.with(ID, id).fetchOptional(dsl);
    }

    /** The customer's invoices in id order, only those with {@code status} when given. */
    public List<Invoice> listByCustomer(long customerId, Optional<InvoiceStatus> status) {
        if (status.isPresent()) {
            return BY_CUSTOMER_AND_STATUS.with(CUSTOMER_ID, customerId).with(STATUS, status.get().id()).fetch(dsl);
        }
        return BY_CUSTOMER.with(CUSTOMER_ID, customerId).fetch(dsl);
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

    private static Invoice fromRow(Row row) {
        long id = row.get(INVOICE.ID);
        InvoiceStatus status = InvoiceStatus.parse(row.get(INVOICE.STATUS))
                .orElseThrow(() -> new IllegalStateException("invoice " + id + " has unknown status"));
        Instant issuedAt = row.get(INVOICE.ISSUED_AT).toInstant(ZoneOffset.UTC);
        return new Invoice(id, row.get(INVOICE.CUSTOMER_ID), row.get(INVOICE.AMOUNT), row.get(INVOICE.CURRENCY),
                status, issuedAt);
    }
}
