package dev.multidb.database1;

import static dev.multidb.database1.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerRepositoryTest {

    @RegisterExtension
    static final MigratedPostgres DATABASE = new MigratedPostgres();

    private static DSLContext dsl;
    private static CustomerRepository customers;

    @BeforeAll
    static void connect() {
        dsl = DATABASE.dsl();
        customers = new CustomerRepository(dsl);
    }

    @BeforeEach
    void emptyTable() {
        dsl.truncate(CUSTOMER).restartIdentity().execute();
    }

    @Test
    void createdCustomerIsFoundByIdWithEverythingItWasGiven() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Customer created = customers.create("Ada@Example.com", "Ada");

        assertThat(created.id()).isPositive();
        assertThat(created.createdAt()).isAfterOrEqualTo(before);
        assertThat(customers.findById(created.id())).contains(created);
    }

    @Test
    void unknownIdIsNotFound() {
        assertThat(customers.findById(424242)).isEmpty();
    }

    @Test
    void emailIsUniqueIgnoringCase() {
        customers.create("Ada@Example.com", "Ada");

        assertThatThrownBy(() -> customers.create("ada@EXAMPLE.com", "Other Ada"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(dsl.fetchCount(CUSTOMER)).isEqualTo(1);
    }

    @Test
    void keysetPagingOver120RowsReturnsEachCustomerOnceInOrder() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            created.add(customers.create("user" + i + "@example.com", "User " + i).id());
        }
        List<Long> seen = new ArrayList<>();
        long after = 0;
        int pages = 0;
        while (true) {
            CustomerPage page = customers.page(after, 50);
            pages++;
            page.items().forEach(c -> seen.add(c.id()));
            if (page.next() == null) {
                break;
            }
            assertThat(page.next()).isEqualTo(page.items().get(page.items().size() - 1).id());
            after = page.next();
        }
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void exactlyFullLastPageHasNoNext() {
        for (int i = 0; i < 4; i++) {
            customers.create("user" + i + "@example.com", "User " + i);
        }
        CustomerPage first = customers.page(0, 2);
        CustomerPage last = customers.page(first.next(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(last.items()).hasSize(2);
        assertThat(last.next()).isNull();
    }

    @Test
    void partialUpdateChangesOnlyTheGivenFields() {
        Customer ada = customers.create("ada@example.com", "Ada");

        Customer renamed = customers.update(ada.id(), new CustomerChange(null, "Ada Lovelace")).orElseThrow();

        assertThat(renamed).isEqualTo(new Customer(ada.id(), "ada@example.com", "Ada Lovelace", ada.createdAt()));
    }

    @Test
    void updateToAnEmailTakenInOtherCaseIsRefusedAndChangesNothing() {
        customers.create("grace@example.com", "Grace");
        Customer ada = customers.create("ada@example.com", "Ada");

        assertThatThrownBy(() -> customers.update(ada.id(), new CustomerChange("GRACE@example.com", "Ada 2")))
                .isInstanceOf(EmailTakenException.class);
        assertThat(customers.findById(ada.id())).contains(ada);
    }

    @Test
    void updateOfUnknownCustomerIsEmpty() {
        assertThat(customers.update(99, new CustomerChange("x@example.com", null))).isEmpty();
    }

    @Test
    void deleteRemovesTheCustomerOnceAndReportsWhetherItExisted() {
        Customer ada = customers.create("ada@example.com", "Ada");

        assertThat(customers.delete(ada.id())).isTrue();
        assertThat(customers.delete(ada.id())).isFalse();
        assertThat(customers.findById(ada.id())).isEmpty();
    }

    @Test
    void lockingReadsReturnTheRowInsideATransaction() {
        Customer ada = customers.create("ada@example.com", "Ada");

        dsl.transaction(tx -> {
            CustomerRepository locked = new CustomerRepository(tx.dsl());
            assertThat(locked.lockForUpdate(ada.id())).contains(ada);
            assertThat(locked.lockForShare(ada.id())).contains(ada);
            assertThat(locked.lockForShare(ada.id() + 1)).isEmpty();
        });
    }

    @Test
    void unicodeAndSqlMetacharactersRoundTripExactly() {
        String email = "o'brien\"; drop table customer; --@例え.jp";
        String name = "Zoë 'Robert'); DROP TABLE customer;-- \\ % _ 😀 Ωμέγα";

        Customer created = customers.create(email, name);

        assertThat(customers.findById(created.id())).get()
                .extracting(Customer::email, Customer::name)
                .containsExactly(email, name);
        assertThat(dsl.fetchCount(CUSTOMER)).isEqualTo(1);
    }
}
