package dev.multidb.app.call;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells HikariCP which connections are broken. H2 reports them with its own codes (90067, 90121), which HikariCP
 * does not know. A connection its call aborted at the deadline is evicted by that call when it lets go of it
 * (CallConnections): HikariCP must not evict it a second time, nor log a stack trace for each one.
 * Public with a no-argument constructor because HikariCP instantiates it by class name.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        if (Call.current().filter(Call::expired).isPresent()) {
            return Override.DO_NOT_EVICT;
        }
        return Outages.leavesConnectionBroken(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
