package dev.multidb.app.call;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Hands jOOQ pooled connections and records them on the current call, so a call out of time can cut them off.
 * A call waits for a pooled connection no longer than its own deadline allows, whatever the pool's timeout.
 */
public final class CallConnections implements ConnectionProvider {

    private final HikariDataSource dataSource;

    public CallConnections(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() {
        Call call = Call.current().orElse(null);
        try {
            Connection connection = call == null ? dataSource.getConnection() : borrowWithin(call);
            if (call != null && !call.track(connection)) {
                connection.close();
                throw new DataAccessException("the call ran out of time before it could use a connection");
            }
            return connection;
        } catch (SQLException e) {
            throw new DataAccessException("no connection from pool " + dataSource.getPoolName(), e);
        }
    }

    /**
     * Waits at most the call's remaining time. HikariCP may then still check an idle connection, for at most its
     * validation timeout (Pools keeps it short), which the call's grace beyond its statement deadline covers.
     */
    private Connection borrowWithin(Call call) throws SQLException {
        if (dataSource.isClosed() || !(dataSource.getHikariPoolMXBean() instanceof HikariPool pool)) {
            throw new SQLTransientConnectionException("pool " + dataSource.getPoolName() + " is closed");
        }
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(call.remainingNanos());
        if (remainingMs <= 0) {
            throw new SQLTransientConnectionException("no time left to wait for a connection from pool "
                    + dataSource.getPoolName());
        }
        return pool.getConnection(Math.min(remainingMs, dataSource.getConnectionTimeout()));
    }

    @Override
    public void release(Connection connection) {
        Call call = Call.current().orElse(null);
        if (call != null) {
            call.untrack(connection);
            if (call.expired()) {
                dataSource.evictConnection(connection); // aborted at the deadline: never back into the pool
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("cannot return a connection to pool " + dataSource.getPoolName(), e);
        }
    }
}
