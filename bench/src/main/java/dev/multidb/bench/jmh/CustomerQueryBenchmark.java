package dev.multidb.bench.jmh;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.multidb.bench.BenchSchema;
import dev.multidb.bench.baseline.CustomerJdbc;
import dev.multidb.database1.Customer;
import dev.multidb.database1.CustomerPage;
import dev.multidb.database1.CustomerRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * database1's query path through jOOQ ({@link CustomerRepository}) beside the same work in hand-written JDBC
 * ({@link CustomerJdbc}, which the baseline server also uses), on one embedded PostgreSQL and one HikariCP pool.
 * Pairs share a prefix: {@code findById*}, {@code create*}, {@code page*}. The jOOQ side runs with each
 * {@link JooqSide#settings} variant: jOOQ's defaults and the app's settings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
public class CustomerQueryBenchmark {

    /** One PostgreSQL, migrated and seeded, and one pool for both sides. */
    @State(Scope.Benchmark)
    public static class Postgres {
        EmbeddedPostgres postgres;
        HikariDataSource dataSource;
        BenchSchema.SeededIds ids;
        long nextId;
        long emailCounter;
        final String emailPrefix = "jmh-" + System.nanoTime() + "-";

        @Setup(Level.Trial)
        public void start() throws Exception {
            postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            ids = BenchSchema.prepare(postgres.getPostgresDatabase(), 1000);
            nextId = ids.first();
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(2);
            dataSource = new HikariDataSource(pool);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            dataSource.close();
            postgres.close();
        }

        long seededId() {
            long id = nextId;
            nextId = id == ids.last() ? ids.first() : id + 1;
            return id;
        }

        String uniqueEmail() {
            return emailPrefix + emailCounter++ + "@bench.example";
        }
    }

    @State(Scope.Benchmark)
    public static class JooqSide {
        /**
         * default: {@code new Settings()}; app: what dev.multidb.app.registry.Database sets
         * ({@code bindOffsetDateTimeType}, so timestamptz is read with getObject instead of getString and a parse,
         * and no per-query logging listener). The statement deadline is a connection setting in the app, not a
         * jOOQ setting, so it costs nothing per query here or there.
         */
        @Param({"default", "app"})
        public String settings;

        CustomerRepository repository;

        @Setup(Level.Trial)
        public void start(Postgres postgres) {
            Settings chosen = switch (settings) {
                case "default" -> new Settings();
                case "app" -> new Settings().withBindOffsetDateTimeType(true).withExecuteLogging(false);
                default -> throw new IllegalArgumentException("unknown settings " + settings);
            };
            repository = new CustomerRepository(DSL.using(postgres.dataSource, SQLDialect.POSTGRES, chosen));
        }
    }

    @State(Scope.Benchmark)
    public static class JdbcSide {
        CustomerJdbc customers;

        @Setup(Level.Trial)
        public void start(Postgres postgres) {
            customers = new CustomerJdbc(postgres.dataSource);
        }
    }

    @Benchmark
    public Optional<Customer> findByIdJooq(Postgres db, JooqSide jooq) {
        return jooq.repository.findById(db.seededId());
    }

    @Benchmark
    public Optional<CustomerJdbc.Row> findByIdJdbc(Postgres db, JdbcSide jdbc) throws SQLException {
        return jdbc.customers.findById(db.seededId());
    }

    @Benchmark
    public Customer createJooq(Postgres db, JooqSide jooq) {
        return jooq.repository.create(db.uniqueEmail(), "Bench customer");
    }

    @Benchmark
    public CustomerJdbc.Row createJdbc(Postgres db, JdbcSide jdbc) throws SQLException {
        return jdbc.customers.create(db.uniqueEmail(), "Bench customer");
    }

    @Benchmark
    public CustomerPage pageJooq(Postgres db, JooqSide jooq) {
        return jooq.repository.page(0, 50);
    }

    @Benchmark
    public CustomerJdbc.Page pageJdbc(Postgres db, JdbcSide jdbc) throws SQLException {
        return jdbc.customers.page(0, 50);
    }
}
