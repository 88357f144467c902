package dev.multidb.app.logging;

import java.util.function.Supplier;
import org.slf4j.MDC;

/** The MDC keys every log line may carry (JSON logs write them as fields), set around the work they describe. */
public final class LogContext {

    public static final String DATABASE = "database";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String STATUS = "status";

    private LogContext() {
    }

    /** Runs {@code work} with {@code database} in the MDC, restoring the outer value (a call within a call). */
    public static <T> T withDatabase(String database, Supplier<T> work) {
        String outer = MDC.get(DATABASE);
        MDC.put(DATABASE, database);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                MDC.remove(DATABASE);
            } else {
                MDC.put(DATABASE, outer);
            }
        }
    }
}
