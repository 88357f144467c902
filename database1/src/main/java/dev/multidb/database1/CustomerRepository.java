package dev.multidb.database1;

import static dev.multidb.database1.jooq.Tables.CUSTOMER;

import dev.multidb.database1.jooq.tables.records.CustomerRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;

/** Customers in database1. All SQL goes through the generated classes. */
public final class CustomerRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext dsl;

    public CustomerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts a customer; {@link EmailTakenException} when the email is taken ignoring case. */
    public Customer create(String email, String name) {
        return guardEmail(email, () -> toCustomer(dsl.insertInto(CUSTOMER, CUSTOMER.EMAIL, CUSTOMER.NAME)
                .values(email, name)
                .returning()
                .fetchSingle()));
    }

    public Optional<Customer> findById(long id) {
        return dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).fetchOptional().map(CustomerRepository::toCustomer);
    }

    /** Customers with an id above {@code afterId}, in id order; reads one row more to know whether more follow. */
    public CustomerPage page(long afterId, int limit) {
        List<Customer> rows = dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.ID.gt(afterId))
                .orderBy(CUSTOMER.ID)
                .limit(limit + 1)
                .fetch(CustomerRepository::toCustomer);
        if (rows.size() <= limit) {
            return new CustomerPage(rows, null);
        }
        List<Customer> page = rows.subList(0, limit);
        return new CustomerPage(page, page.get(limit - 1).id());
    }

    /** Applies the non-null fields of {@code change}; empty when there is no such customer. */
    public Optional<Customer> update(long id, CustomerChange change) {
        if (change.isEmpty()) {
            return findById(id);
        }
        Map<Field<?>, Object> values = new HashMap<>();
        if (change.email() != null) {
            values.put(CUSTOMER.EMAIL, change.email());
        }
        if (change.name() != null) {
            values.put(CUSTOMER.NAME, change.name());
        }
        return guardEmail(change.email(), () -> dsl.update(CUSTOMER)
                .set(values)
                .where(CUSTOMER.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(CustomerRepository::toCustomer));
    }

    /** Deletes the customer; false when there was none. */
    public boolean delete(long id) {
        return dsl.deleteFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).execute() > 0;
    }

    /** Reads and locks the row against change and deletion until the transaction ends. */
    public Optional<Customer> lockForUpdate(long id) {
        return dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).forUpdate()
                .fetchOptional().map(CustomerRepository::toCustomer);
    }

    /**
     * Reads and locks the row against deletion until the transaction ends. {@code FOR KEY SHARE}, not {@code FOR
     * SHARE}: it conflicts only with {@code FOR UPDATE} and deletes, so a concurrent change of name or email proceeds.
     */
    public Optional<Customer> lockForShare(long id) {
        return dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).forKeyShare()
                .fetchOptional().map(CustomerRepository::toCustomer);
    }

    private static <T> T guardEmail(String email, Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw new EmailTakenException(email, e);
            }
            throw e;
        }
    }

    private static Customer toCustomer(CustomerRecord row) {
        return new Customer(row.getId(), row.getEmail(), row.getName(), row.getCreatedAt().toInstant());
    }
}
