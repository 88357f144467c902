package dev.multidb.app.registry;

import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.app.call.Admission;
import dev.multidb.app.call.Bulkhead;
import dev.multidb.app.call.CallConnections;
import dev.multidb.app.call.DatabaseUnavailableException;
import dev.multidb.app.config.DatabaseConfig;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One configured database: its pool, its jOOQ context, and the bounded way to call it. */
public final class Database implements AutoCloseable {

    /** How much longer than the statement timeout a caller waits, so that the server's own timeout wins when it can. */
    public static final Duration CALL_GRACE = Duration.ofMillis(500);
    // Native OffsetDateTime binding: jOOQ otherwise reads timestamptz as a string and parses it back (bench/).
    // jOOQ's per-query debug logging listener is skipped: our logs never run at DEBUG on the hot path.
    // No query timeout here: each pooled connection carries the statement deadline (Pools).
    static final Settings SETTINGS = new Settings()
            .withBindOffsetDateTimeType(true)
            .withExecuteLogging(false);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseDescriptor descriptor;
    private final Engine engine;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final Bulkhead bulkhead;
    private final Replicas replicas;
    private final List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    Database(DatabaseDescriptor descriptor, DatabaseConfig config, SQLDialect dialect, HikariDataSource dataSource,
            Function<DSLContext, Replicas> replicas) {
        this.descriptor = descriptor;
        this.engine = engineOf(config.url());
        this.dataSource = dataSource;
        this.dsl = DSL.using(new CallConnections(dataSource), dialect, SETTINGS);
        this.bulkhead = new Bulkhead(descriptor.name(), config.maxConcurrentCalls(), config.statementTimeout(),
                config.statementTimeout().plus(CALL_GRACE), dataSource, engine.driverCanAbort());
        this.replicas = replicas.apply(dsl);
    }

    public String name() {
        return descriptor.name();
    }

    /** {@code postgresql}, {@code h2} or {@code sqlserver}: what the URL points at, not what the module was written for. */
    public String engine() {
        return engine.id();
    }

    public DatabaseDescriptor descriptor() {
        return descriptor;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** The context for work outside {@link #call}; only {@code call} is bounded. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Runs {@code work} on this database within its deadline and concurrency bound.
     *
     * @throws DatabaseUnavailableException when the database is down, does not answer in time, or is saturated
     */
    public <T> T call(Function<DSLContext, T> work) {
        return bulkhead.run(() -> work.apply(dsl));
    }

    /**
     * Runs read-only {@code work} on a replica that has everything {@code token} names and lags less than allowed,
     * else on this database (the primary) as {@link #call} does. A replica's trouble never fails the read.
     *
     * @throws DatabaseUnavailableException when the read falls back to the primary and the primary cannot serve it
     */
    public <T> T read(ConsistencyToken token, Function<DSLContext, T> work) {
        return replicas.read(token, work, this::call);
    }

    /**
     * Runs {@code work} as {@link #call} does and, when this database has replicas, then reads where its commit ends
     * in the WAL (at the latest): the token a client sends back to read its own write.
     */
    public <T> Written<T> write(Function<DSLContext, T> work) {
        return bulkhead.run(() -> written(work));
    }

    /** {@link #write} while it calls {@code other}, bounded as {@link #callWith} is. */
    public <T> Written<T> writeWith(Database other, Function<DSLContext, T> work) {
        try (Admission.Place place = other.bulkhead.reserve()) {
            return bulkhead.runCrossing(() -> written(work), List.of(place));
        }
    }

    // Any connection will do for the position: the WAL's flush and insert positions are global, and only grow.
    private <T> Written<T> written(Function<DSLContext, T> work) {
        T value = work.apply(dsl);
        return new Written<>(value, replicas.configured()
                ? Optional.of(ConsistencyToken.of(name(), Wal.committed(dsl))) : Optional.empty());
    }

    /** Each replica: where it is, whether it is up, and how far behind the primary it is (empty before it is known). */
    public List<ReplicaHealth> replicaHealth() {
        return replicas.all().stream().map(r -> new ReplicaHealth(r.address(), r.up() && r.within(replicas.maxLag())
                ? ReplicaHealth.UP : r.up() ? ReplicaHealth.LAGGING : ReplicaHealth.DOWN,
                r.lag().map(Duration::toMillis).orElse(null))).toList();
    }

    /**
     * Runs {@code work} on this database while it calls {@code other}: a place on {@code other} is taken first, so
     * a full or cooling-down {@code other} refuses before this database is touched, and such work holds at most
     * half of either database's places and connections, so neither's own endpoints starve while the other hangs.
     *
     * @throws DatabaseUnavailableException when either database is down, does not answer in time, or is saturated
     */
    public <T> T callWith(Database other, Function<DSLContext, T> work) {
        try (Admission.Place place = other.bulkhead.reserve()) {
            return bulkhead.runCrossing(() -> work.apply(dsl), List.of(place));
        }
    }

    /** Calls holding a place in this database's bound right now. */
    public int callsInFlight() {
        return bulkhead.inFlight();
    }

    /** Pings the database and reads its schema version, within the same bounds as any call. */
    public Health health() {
        long start = System.nanoTime();
        try {
            String version = call(context -> {
                context.selectOne().fetch();
                return SchemaHistory.currentVersion(context).orElse(null);
            });
            return new Health(true, elapsedMs(start), version);
        } catch (RuntimeException e) {
            LOG.warn("{}: readiness probe failed: {}", name(), e.getMessage());
            return new Health(false, elapsedMs(start), null);
        }
    }

    @Override
    public void close() {
        Closing.all(name(), List.of(replicas, bulkhead, dataSource, () -> onClose.forEach(Runnable::run)));
    }

    /** Runs {@code action} when this database closes (e.g. removing its meters). */
    void onClose(Runnable action) {
        onClose.add(action);
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    // Registry resolves the dialect first, which refuses every URL of no known engine.
    static Engine engineOf(String url) {
        return Engine.ofUrl(url).orElseThrow(() -> new IllegalArgumentException("no engine multidb knows"));
    }
}
