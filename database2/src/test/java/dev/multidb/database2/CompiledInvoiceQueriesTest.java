package dev.multidb.database2;

import static dev.multidb.database2.InvoiceRepository.AMOUNT;
import static dev.multidb.database2.InvoiceRepository.BY_CUSTOMER;
import static dev.multidb.database2.InvoiceRepository.BY_CUSTOMER_AND_STATUS;
import static dev.multidb.database2.InvoiceRepository.CREATE;
import static dev.multidb.database2.InvoiceRepository.CURRENCY;
import static dev.multidb.database2.InvoiceRepository.CUSTOMER_ID;
import static dev.multidb.database2.InvoiceRepository.FIND_BY_ID;
import static dev.multidb.database2.InvoiceRepository.ID;
import static dev.multidb.database2.InvoiceRepository.ISSUED_AT;
import static dev.multidb.database2.InvoiceRepository.STATUS;
import static dev.multidb.database2.jooq.Tables.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.multidb.core.query.BoundQuery;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compiled queries against jOOQ's own path on H2 in MODE=MSSQLServer: equal rows and equal errors. */
class CompiledInvoiceQueriesTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 12, 2, 12, 0, 0, 123_000_000);

    private DSLContext dsl;

    @BeforeEach
    void freshDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(Database2.DESCRIPTOR.migrationLocation()).load().migrate();
        dsl = DSL.using(url, "sa", "").configuration()
                .derive(new Settings().withBindOffsetDateTimeType(true).withExecuteLogging(false)).dsl();
        assertThat(dsl.dialect()).isEqualTo(SQLDialect.H2);
    }

    @Test
    void everyHotQueryRunsAsTheOneStatementJooqRendersForIt() {
        assertThat(CREATE.sql(dsl)).isEqualTo(dsl.render(DSL.insertInto(INVOICE, INVOICE.CUSTOMER_ID, INVOICE.AMOUNT,
                INVOICE.CURRENCY, INVOICE.STATUS, INVOICE.ISSUED_AT)
                .values(CUSTOMER_ID, AMOUNT, CURRENCY, STATUS, ISSUED_AT).returning())).containsIgnoringCase("final table");
        assertThat(FIND_BY_ID.sql(dsl)).isEqualTo(dsl.render(DSL.selectFrom(INVOICE).where(INVOICE.ID.eq(ID))));
    }

    @Test
    void createdInvoicesAreEqualOnBothPaths() {
        Invoice compiled = create("12.50", "EUR").fetchSingle(dsl);
        Invoice viaJooq = create("999999999999999.9999", "JPY").fetchWithJooq(dsl).getFirst();

        assertThat(FIND_BY_ID.with(ID, compiled.id()).fetchWithJooq(dsl)).containsExactly(compiled);
        assertThat(FIND_BY_ID.with(ID, viaJooq.id()).fetch(dsl)).containsExactly(viaJooq);
        assertThat(viaJooq.issuedAt()).isEqualTo(compiled.issuedAt());
    }

    @Test
    void missingLargestAndNullIdsAreEmptyOnBothPaths() {
        create("1", "EUR").fetchSingle(dsl);

        for (Long id : new Long[] {424242L, Long.MAX_VALUE, Long.MIN_VALUE, 0L, null}) {
            assertThat(FIND_BY_ID.with(ID, id).fetch(dsl)).isEmpty();
            assertSameOnBothPaths(FIND_BY_ID.with(ID, id));
        }
    }

    @Test
    void listsByCustomerAndStatusAreEqualOnBothPaths() {
        for (int i = 0; i < 3; i++) {
            create("1." + i, "EUR").fetchSingle(dsl);
        }
        dsl.update(INVOICE).set(INVOICE.STATUS, "paid").where(INVOICE.ID.eq(2L)).execute();

        for (Long customer : new Long[] {7L, 8L, Long.MAX_VALUE, null}) {
            assertSameOnBothPaths(BY_CUSTOMER.with(CUSTOMER_ID, customer));
            for (String status : new String[] {"open", "paid", "void", "Ωμέγα", null}) {
                assertSameOnBothPaths(BY_CUSTOMER_AND_STATUS.with(CUSTOMER_ID, customer).with(STATUS, status));
            }
        }
        assertThat(BY_CUSTOMER_AND_STATUS.with(CUSTOMER_ID, 7L).with(STATUS, "open").fetch(dsl))
                .extracting(Invoice::id).containsExactly(1L, 3L);
    }

    @Test
    void checkAndNotNullViolationsFailWithTheSameErrorOnBothPaths() {
        assertSameFailure(path -> path.apply(create("0", "EUR")), "23513");
        assertSameFailure(path -> path.apply(create("1", null)), "23502");
        assertSameFailure(path -> path.apply(create("1", "EUR").with(STATUS, "unknown")), "23513");
    }

    private static BoundQuery<Invoice> create(String amount, String currency) {
        return CREATE.with(CUSTOMER_ID, 7L).with(AMOUNT, new BigDecimal(amount)).with(CURRENCY, currency)
                .with(STATUS, "open").with(ISSUED_AT, NOON);
    }

    private void assertSameOnBothPaths(BoundQuery<Invoice> query) {
        assertThat(query.fetch(dsl)).isEqualTo(query.fetchWithJooq(dsl));
    }

    private void assertSameFailure(Function<Function<BoundQuery<Invoice>, List<Invoice>>, List<Invoice>> run,
            String sqlState) {
        Throwable compiled = catchThrowable(() -> run.apply(query -> query.fetch(dsl)));
        Throwable viaJooq = catchThrowable(() -> run.apply(query -> query.fetchWithJooq(dsl)));

        assertThat(compiled).isInstanceOf(DataAccessException.class).hasSameClassAs(viaJooq);
        assertThat(((DataAccessException) compiled).sqlState()).isEqualTo(sqlState);
        assertThat(((DataAccessException) viaJooq).sqlState()).isEqualTo(sqlState);
        assertThat(compiled.getMessage().lines().findFirst()).isEqualTo(viaJooq.getMessage().lines().findFirst());
    }
}
