package dev.multidb.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The customer queries written by hand: what the baseline serves and what JMH holds jOOQ against. */
public final class CustomerJdbc {

    /** One row of {@code customer}. */
    public record Row(long id, String email, String name, Instant createdAt) {}

    /** A keyset page: {@code next} is the last id when more rows follow, else null. */
    public record Page(List<Row> items, Long next) {}

    /** The email is already used by another customer, ignoring case. */
    public static final class EmailTakenException extends RuntimeException {
        EmailTakenException() {
            super("email already taken", null, false, false);
        }
    }

    private static final String COLUMNS = "id, email, name, created_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public CustomerJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Row> findById(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + " from customer where id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(row(result)) : Optional.empty();
            }
        }
    }

    public Row create(String email, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into customer (email, name) values (?, ?) returning " + COLUMNS)) {
            insert.setString(1, email);
            insert.setString(2, name);
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return row(result);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }

    /** Fetches one row more than asked, to know whether another page follows. */
    public Page page(long afterId, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + " from customer where id > ? order by id limit ?")) {
            select.setLong(1, afterId);
            select.setInt(2, limit + 1);
            List<Row> rows = new ArrayList<>(limit + 1);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result));
                }
            }
            if (rows.size() <= limit) {
                return new Page(rows, null);
            }
            List<Row> items = rows.subList(0, limit);
            return new Page(items, items.getLast().id());
        }
    }

    private static Row row(ResultSet result) throws SQLException {
        return new Row(
                result.getLong(1),
                result.getString(2),
                result.getString(3),
                result.getObject(4, OffsetDateTime.class).toInstant());
    }
}
