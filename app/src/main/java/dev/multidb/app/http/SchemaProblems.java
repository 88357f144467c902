package dev.multidb.app.http;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.SortedMap;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A statement that failed on a database whose schema is behind the code: 503 saying to run migrate, not a 500. */
final class SchemaProblems {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaProblems.class);

    private SchemaProblems() {
    }

    static void register(RoutesConfig routes, SchemaGate gate) {
        routes.exception(DataAccessException.class, (e, ctx) -> {
            SortedMap<String, String> behind = gate.behindAfter(e);
            if (behind.isEmpty()) {
                Problems.unexpected(e, ctx);
                return;
            }
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), detail(behind));
            // No Retry-After: retrying does not help until someone migrates.
            Problems.write(ctx, 503, detail(behind), List.of());
        });
    }

    private static String detail(SortedMap<String, String> behind) {
        if (behind.size() == 1) {
            return behind.firstKey() + " is not ready: " + behind.get(behind.firstKey());
        }
        return String.join(" and ", behind.keySet()) + " are not ready: their schemas are behind the code; run migrate";
    }
}
