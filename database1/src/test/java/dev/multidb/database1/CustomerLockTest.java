package dev.multidb.database1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The customer lock an invoice create holds, seen from two other transactions on the same row. */
class CustomerLockTest {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @RegisterExtension
    static final MigratedPostgres DATABASE = new MigratedPostgres();
    private static DataSource dataSource;

    @BeforeAll
    static void connect() {
        dataSource = DATABASE.dataSource();
    }

    @Test
    void patchOfTheCustomerProceedsWhileAnInvoiceCreateHoldsItsLock() throws SQLException {
        long id = new CustomerRepository(DSL.using(dataSource, SQLDialect.POSTGRES)).create("ada@example.com", "Ada").id();
        try (Connection invoiceCreate = dataSource.getConnection()) {
            invoiceCreate.setAutoCommit(false);
            new CustomerRepository(DSL.using(invoiceCreate, SQLDialect.POSTGRES)).lockForShare(id).orElseThrow();

            Customer patched = withLockTimeout(dsl -> new CustomerRepository(dsl)
                    .update(id, new CustomerChange("ada.lovelace@example.com", "Ada Lovelace")).orElseThrow());

            assertThat(patched).isEqualTo(new Customer(id, "ada.lovelace@example.com", "Ada Lovelace", patched.createdAt()));
            invoiceCreate.rollback();
        }
    }

    @Test
    void deleteStillWaitsWhileAnInvoiceCreateHoldsTheLock() throws SQLException {
        long id = new CustomerRepository(DSL.using(dataSource, SQLDialect.POSTGRES)).create("bob@example.com", "Bob").id();
        try (Connection invoiceCreate = dataSource.getConnection()) {
            invoiceCreate.setAutoCommit(false);
            new CustomerRepository(DSL.using(invoiceCreate, SQLDialect.POSTGRES)).lockForShare(id).orElseThrow();

            assertThatThrownBy(() -> withLockTimeout(dsl -> new CustomerRepository(dsl).lockForUpdate(id)))
                    .isInstanceOfSatisfying(DataAccessException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(LOCK_NOT_AVAILABLE));
            invoiceCreate.rollback();
        }
    }

    // A short lock timeout turns "would wait" into an error the test can see, without sleeping.
    private static <T> T withLockTimeout(Function<DSLContext, T> work) {
        return DSL.using(dataSource, SQLDialect.POSTGRES).transactionResult(tx -> {
            tx.dsl().execute("SET LOCAL lock_timeout = '1s'");
            return work.apply(tx.dsl());
        });
    }
}
