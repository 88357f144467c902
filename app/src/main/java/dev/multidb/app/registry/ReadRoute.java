package dev.multidb.app.registry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Where a read of one database went and why, counted as {@code multidb.database.reads{database,target,reason}}. */
enum ReadRoute {
    /** A replica served it. */
    SERVED("replica"),
    /** The primary served it: the database has no replicas. */
    NO_REPLICA("primary"),
    /** The primary served it: every replica that is up is further behind than the allowed lag. */
    LAGGING("primary"),
    /** The primary served it: no replica reached the client's token within the wait. */
    TOKEN_NOT_REACHED("primary"),
    /** The primary served it: a replica is down or failed the read (recovery conflict, lost connection). */
    REPLICA_FAILED("primary");

    private final String target;

    ReadRoute(String target) {
        this.target = target;
    }

    String reason() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One counter per route of {@code database}, registered up front so that a scrape lists every route. */
    static Map<ReadRoute, Counter> counters(String database, MeterRegistry meters) {
        Map<ReadRoute, Counter> counters = new EnumMap<>(ReadRoute.class);
        for (ReadRoute route : values()) {
            counters.put(route, Counter.builder("multidb.database.reads")
                    .description("reads of a database by the server that served them and why")
                    .tag("database", database)
                    .tag("target", route.target)
                    .tag("reason", route.reason())
                    .register(meters));
        }
        return counters;
    }
}
