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
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * database1's query path through jOOQ ({@link CustomerRepository}) beside the same work in hand-written JDBC
 * ({@link CustomerJdbc}, which the baseline server also uses), on one embedded PostgreSQL and one HikariCP pool.
 * Pairs share a prefix: {@code findById*}, {@code create*}, {@code page*}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"})
@State(Scope.Benchmark)
public class CustomerQueryBenchmark {

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private CustomerRepository jooq;
    private CustomerJdbc jdbc;
    private BenchSchema.SeededIds ids;
    private long nextId;
    private long emailCounter;
    private final String emailPrefix = "jmh-" + System.nanoTime() + "-";

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
        jooq = new CustomerRepository(DSL.using(dataSource, SQLDialect.POSTGRES));
        jdbc = new CustomerJdbc(dataSource);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        dataSource.close();
        postgres.close();
    }

    @Benchmark
    public Optional<Customer> findByIdJooq() {
        return jooq.findById(seededId());
    }

    @Benchmark
    public Optional<CustomerJdbc.Row> findByIdJdbc() throws SQLException {
        return jdbc.findById(seededId());
    }

    @Benchmark
    public Customer createJooq() {
        return jooq.create(uniqueEmail(), "Bench customer");
    }

    @Benchmark
    public CustomerJdbc.Row createJdbc() throws SQLException {
        return jdbc.create(uniqueEmail(), "Bench customer");
    }

    @Benchmark
    public CustomerPage pageJooq() {
        return jooq.page(0, 50);
    }

    @Benchmark
    public CustomerJdbc.Page pageJdbc() throws SQLException {
        return jdbc.page(0, 50);
    }

    private long seededId() {
        long id = nextId;
        nextId = id == ids.last() ? ids.first() : id + 1;
        return id;
    }

    private String uniqueEmail() {
        return emailPrefix + emailCounter++ + "@bench.example";
    }
}
