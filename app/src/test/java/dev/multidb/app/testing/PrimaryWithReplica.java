package dev.multidb.app.testing;

import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * database1 on an embedded PostgreSQL with a streaming hot standby, both migrated, and database2 on an in-memory H2
 * in SQL Server mode: the servers app instances with read replicas run against. Closing stops and deletes them all.
 */
public final class PrimaryWithReplica implements AutoCloseable {

    private final RestartablePostgres primary;
    private final StreamingReplica replica;
    private final String database2Url;

    private PrimaryWithReplica(RestartablePostgres primary, StreamingReplica replica, String database2Url) {
        this.primary = primary;
        this.replica = replica;
        this.database2Url = database2Url;
    }

    public static PrimaryWithReplica start() {
        RestartablePostgres primary = RestartablePostgres.start();
        try {
            Flyway.configure().dataSource(primary.url(), primary.user(), "")
                    .locations(Database1.DESCRIPTOR.migrationLocation()).load().migrate();
            String h2Url = "jdbc:h2:mem:database2-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
            Flyway.configure().dataSource(h2Url, "sa", "")
                    .locations(Database2.DESCRIPTOR.migrationLocation()).load().migrate();
            return new PrimaryWithReplica(primary, StreamingReplica.of(primary, "app_replica"), h2Url);
        } catch (RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    public RestartablePostgres primary() {
        return primary;
    }

    public StreamingReplica replica() {
        return replica;
    }

    /** An app instance whose database1 reads go to this replica. */
    public ReplicatedApp app(Duration maxLag, Duration wait) {
        return app(List.of(replica.url()), maxLag, wait);
    }

    public ReplicatedApp app(List<String> replicaUrls, Duration maxLag, Duration wait) {
        ReplicatedApp app = ReplicatedApp.start(primary, replicaUrls, maxLag, wait, database2Url);
        if (!replicaUrls.isEmpty() && !app.awaitReplicas("UP", Duration.ofSeconds(15))) {
            app.close();
            throw new IllegalStateException("the app's replica monitor never found the replica up");
        }
        return app;
    }

    /** Waits until the replica has replayed the WAL up to {@code lsn} ({@code X/Y}). */
    public boolean awaitReplayed(String lsn, Duration limit) {
        return Poll.until(() -> Boolean.parseBoolean(
                replica.query("SELECT (pg_last_wal_replay_lsn() >= '" + lsn + "')::text")), limit);
    }

    @Override
    public void close() {
        try (RestartablePostgres p = primary; StreamingReplica r = replica) {
            // the replica closes first, then its primary
        }
    }
}
