package dev.multidb.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL both servers share during a bench run.
 *
 * <p>Without {@code DATABASE1_URL}: starts an embedded PostgreSQL on the port given as the first argument, migrates
 * and seeds it, prints one {@code bench database ready} line and keeps it running until the process is stopped.
 * With {@code DATABASE1_URL} (and {@code DATABASE1_USER}, {@code DATABASE1_PASSWORD}): migrates and seeds that
 * server, prints the same line and exits.
 */
public final class BenchDatabase {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(env("BENCH_ROWS", "1000"));
        String url = env("DATABASE1_URL", "");
        if (!url.isBlank()) {
            var dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(env("DATABASE1_USER", ""));
            dataSource.setPassword(env("DATABASE1_PASSWORD", ""));
            ready(url, BenchSchema.prepare(dataSource, rows));
            return;
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        // Zonky's shutdown hook stops PostgreSQL and deletes its data directory when this process is stopped.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        String embeddedUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        ready(embeddedUrl, BenchSchema.prepare(postgres.getPostgresDatabase(), rows));
        new CountDownLatch(1).await();
    }

    private static void ready(String url, BenchSchema.SeededIds ids) {
        System.out.printf("bench database ready: url=%s ids=%d..%d version=%s%n",
                url, ids.first(), ids.last(), ids.serverVersion());
        System.out.flush();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
