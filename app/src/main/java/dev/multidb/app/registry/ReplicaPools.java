package dev.multidb.app.registry;

import dev.multidb.app.call.Bulkhead;
import dev.multidb.app.call.CallConnections;
import dev.multidb.app.call.DatabaseUnavailableException;
import dev.multidb.app.call.Outages;
import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.Engine;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/** Opens one pool and one bound per configured replica of a database, with the primary's deadline and limits. */
final class ReplicaPools {

    private ReplicaPools() {
    }

    static Replicas open(DatabaseConfig config, SQLDialect dialect, DSLContext primary, MeterRegistry meters) {
        List<Replica> opened = new ArrayList<>();
        List<String> urls = config.replicas().urls();
        try {
            for (int i = 0; i < urls.size(); i++) {
                DatabaseConfig replica = config.forReplica(config.name() + "-replica" + (i + 1), urls.get(i));
                HikariDataSource dataSource = Pools.openReplica(replica, Engine.POSTGRESQL, meters);
                opened.add(new Replica(replica.name(), address(urls.get(i)), dataSource, dialect,
                        new Bulkhead(replica.name(), replica.maxConcurrentCalls(), replica.statementTimeout(),
                                replica.statementTimeout().plus(Database.CALL_GRACE), dataSource, true)));
            }
        } catch (RuntimeException e) {
            opened.forEach(Replica::close);
            throw e;
        }
        return new Replicas(config.name(), opened, config.replicas().maxLag(), config.replicas().maxWait(),
                ReadRoute.counters(config.name(), meters), primary);
    }

    /** {@code jdbc:postgresql://host:port/db?password=...} is {@code host:port/db}: parameters may carry secrets. */
    static String address(String url) {
        String rest = url.substring(Engine.POSTGRESQL.urlPrefix().length());
        rest = rest.startsWith("//") ? rest.substring(2) : rest;
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }
}
