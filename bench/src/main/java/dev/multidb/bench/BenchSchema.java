package dev.multidb.bench;

import dev.multidb.database1.Database1;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a PostgreSQL to database1's latest schema and seeds the customers the load reads. */
public final class BenchSchema {

    /** Ids of the seeded customers (every id in [first, last] exists after a fresh seed) and the server version. */
    public record SeededIds(long first, long last, String serverVersion) {}

    private BenchSchema() {}

    public static SeededIds prepare(DataSource dataSource, int rows) throws SQLException {
        // The same migrations the app runs, so both servers see one schema and the app's own migrate is a no-op.
        Flyway.configure()
                .dataSource(dataSource)
                .locations(Database1.DESCRIPTOR.migrationLocation())
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection()) {
            // Idempotent: a second run against the same server reuses the rows (and ids) of the first.
            try (PreparedStatement seed = connection.prepareStatement("""
                    insert into customer (email, name)
                    select 'seed-' || n || '@bench.example', 'Seed customer ' || n from generate_series(1, ?) n
                    on conflict do nothing""")) {
                seed.setInt(1, rows);
                seed.executeUpdate();
            }
            try (PreparedStatement range = connection.prepareStatement(
                    "select min(id), max(id), current_setting('server_version') from customer"
                            + " where email like 'seed-%@bench.example'");
                    ResultSet result = range.executeQuery()) {
                result.next();
                return new SeededIds(result.getLong(1), result.getLong(2), result.getString(3).split(" ")[0]);
            }
        }
    }
}
