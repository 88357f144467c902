package dev.multidb.database1;

import static dev.multidb.database1.CustomerRepository.AFTER_ID;
import static dev.multidb.database1.CustomerRepository.CREATE;
import static dev.multidb.database1.CustomerRepository.EMAIL;
import static dev.multidb.database1.CustomerRepository.FIND_BY_ID;
import static dev.multidb.database1.CustomerRepository.ID;
import static dev.multidb.database1.CustomerRepository.NAME;
import static dev.multidb.database1.CustomerRepository.PAGE;
import static dev.multidb.database1.CustomerRepository.ROWS;
import static dev.multidb.database1.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.multidb.core.query.BoundQuery;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compiled queries against jOOQ's own path on PostgreSQL: equal rows and equal errors for the same inputs. */
class CompiledCustomerQueriesTest {

    @RegisterExtension
    static final MigratedPostgres DATABASE = new MigratedPostgres();

    private static DSLContext dsl;

    @BeforeAll
    static void connect() {
        // The app's settings (registry): OffsetDateTime bound natively, no execute logging.
        dsl = DSL.using(DATABASE.dataSource(), SQLDialect.POSTGRES,
                new Settings().withBindOffsetDateTimeType(true).withExecuteLogging(false));
    }

    @BeforeEach
    void emptyTable() {
        dsl.truncate(CUSTOMER).restartIdentity().execute();
    }

    @Test
    void everyHotQueryRunsAsTheOneStatementJooqRendersForIt() {
        assertThat(List.of(FIND_BY_ID.sql(dsl), CREATE.sql(dsl), PAGE.sql(dsl))).containsExactly(
                dsl.render(DSL.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(ID))),
                dsl.render(DSL.insertInto(CUSTOMER, CUSTOMER.EMAIL, CUSTOMER.NAME).values(EMAIL, NAME).returning()),
                dsl.render(DSL.selectFrom(CUSTOMER).where(CUSTOMER.ID.gt(AFTER_ID)).orderBy(CUSTOMER.ID).limit(ROWS)));
    }

    @Test
    void findByIdReturnsTheSameRowOnBothPaths() {
        Customer ada = createBoth("ada@example.com", "Ada");

        assertSameOnBothPaths(FIND_BY_ID.with(ID, ada.id()));
        assertThat(FIND_BY_ID.with(ID, ada.id()).fetch(dsl)).containsExactly(ada);
    }

    @Test
    void missingLargestSmallestAndNullIdsAreEmptyOnBothPaths() {
        createBoth("ada@example.com", "Ada");

        for (Long id : new Long[] {424242L, Long.MAX_VALUE, Long.MIN_VALUE, 0L, null}) {
            assertThat(FIND_BY_ID.with(ID, id).fetch(dsl)).isEmpty();
            assertSameOnBothPaths(FIND_BY_ID.with(ID, id));
        }
    }

    @Test
    void unicodeAndMetacharactersComeBackEqualOnBothPaths() {
        Customer compiled = CREATE.with(EMAIL, "o'brien\"; --@例え.jp").with(NAME, "Zoë 😀 Ωμέγα \\ % _").fetchSingle(dsl);
        Customer viaJooq = CREATE.with(EMAIL, "zoë@例え.jp").with(NAME, "Zoë 😀 Ωμέγα \\ % _").fetchWithJooq(dsl).getFirst();

        assertThat(FIND_BY_ID.with(ID, compiled.id()).fetchWithJooq(dsl)).containsExactly(compiled);
        assertThat(FIND_BY_ID.with(ID, viaJooq.id()).fetch(dsl)).containsExactly(viaJooq);
    }

    @Test
    void pagesAreEqualOnBothPathsForEveryLimitAndStart() {
        for (int i = 0; i < 7; i++) {
            createBoth("user" + i + "@example.com", "User " + i);
        }
        for (long after : new long[] {0, 3, 7, Long.MAX_VALUE, Long.MIN_VALUE}) {
            for (int rows : new int[] {0, 1, 4, 51}) {
                assertSameOnBothPaths(PAGE.with(AFTER_ID, after).with(ROWS, rows));
            }
        }
        assertThat(PAGE.with(AFTER_ID, 3L).with(ROWS, 2).fetch(dsl)).extracting(Customer::id).containsExactly(4L, 5L);
    }

    @Test
    void takenEmailFailsWithTheSameErrorOnBothPaths() {
        createBoth("ada@example.com", "Ada");

        assertSameFailure(path -> path.apply(CREATE.with(EMAIL, "ADA@example.com").with(NAME, "Other")), "23505");
    }

    @Test
    void nullEmailAndNegativeLimitFailWithTheSameErrorOnBothPaths() {
        assertSameFailure(path -> path.apply(CREATE.with(EMAIL, null).with(NAME, "Nobody")), "23502");
        assertSameFailure(path -> path.apply(PAGE.with(AFTER_ID, 0L).with(ROWS, -1)), "2201W");
    }

    @Test
    void repositoryStillTurnsATakenEmailIntoEmailTakenException() {
        CustomerRepository customers = new CustomerRepository(dsl);
        customers.create("ada@example.com", "Ada");

        assertThat(catchThrowable(() -> customers.create("Ada@Example.com", "Ada 2")))
                .isInstanceOf(EmailTakenException.class);
    }

    private static Customer createBoth(String email, String name) {
        Customer created = CREATE.with(EMAIL, email).with(NAME, name).fetchSingle(dsl);
        assertThat(FIND_BY_ID.with(ID, created.id()).fetchWithJooq(dsl)).containsExactly(created);
        return created;
    }

    private static void assertSameOnBothPaths(BoundQuery<Customer> query) {
        assertThat(query.fetch(dsl)).isEqualTo(query.fetchWithJooq(dsl));
    }

    // Runs one input through each path; both must fail alike: same exception type, SQLSTATE and message.
    private static void assertSameFailure(Function<Function<BoundQuery<Customer>, List<Customer>>, List<Customer>> run,
            String sqlState) {
        Throwable compiled = catchThrowable(() -> run.apply(query -> query.fetch(dsl)));
        Throwable viaJooq = catchThrowable(() -> run.apply(query -> query.fetchWithJooq(dsl)));

        assertThat(compiled).isInstanceOf(DataAccessException.class);
        assertThat(((DataAccessException) compiled).sqlState()).isEqualTo(sqlState);
        // The first line: SQL and the server's message; a "Detail" line may name the row's own id, which differs.
        assertThat(compiled).hasSameClassAs(viaJooq);
        assertThat(compiled.getMessage().lines().findFirst()).isEqualTo(viaJooq.getMessage().lines().findFirst());
        assertThat(((DataAccessException) viaJooq).sqlState()).isEqualTo(sqlState);
    }
}
