package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/** Hands jOOQ pooled connections and records them on the current call, so a call out of time can cut them off. */
final class CallConnections implements ConnectionProvider {

    private final HikariDataSource dataSource;

    CallConnections(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() {
        try {
            Connection connection = dataSource.getConnection();
            Call call = Call.current().orElse(null);
            if (call != null && !call.track(connection)) {
                connection.close();
                throw new DataAccessException("the call ran out of time before it could use a connection");
            }
            return connection;
        } catch (SQLException e) {
            throw new DataAccessException("no connection from pool " + dataSource.getPoolName(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        Call.current().ifPresent(call -> call.untrack(connection));
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("cannot return a connection to pool " + dataSource.getPoolName(), e);
        }
    }
}
