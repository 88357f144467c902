package dev.multidb.app.registry;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells HikariCP to drop connections that H2 reports as broken. HikariCP only recognises SQLSTATE class 08
 * and a few vendor codes; H2 uses its own codes (90067, 90121), and such a connection must not go back
 * into the pool. Public with a no-argument constructor because HikariCP instantiates it by class name.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return Outages.leavesConnectionBroken(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
