package dev.multidb.codegen.engines;

import dev.multidb.codegen.Folders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL: embedded from the binaries on Maven Central, or the official image in a container. */
final class PostgresEngine implements Engine {

    static final String IMAGE = "postgres:17-alpine";

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public String embeddedUrlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public String productionUrlPrefix() {
        return "jdbc:postgresql:";
    }

    @Override
    public ProvisionedDatabase embedded() throws IOException {
        Optional<PostgresTemplate.Copy> copy = PostgresTemplate.freshCopy();
        if (copy.isEmpty()) {
            // A throw-away data directory that zonky deletes on close; the binaries are unpacked once and reused.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
            return new ProvisionedDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL", postgres::close);
        }
        Path data = copy.get().dataDirectory();
        if (copy.get().postgres().isPresent()) {
            return PostgresProcess.start(copy.get().postgres().get(), data);
        }
        // The binaries the template was made with are gone (a cleaned temporary folder): zonky unpacks them again,
        // to the same folder, so the next run finds them.
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        } catch (IOException | RuntimeException e) {
            Folders.delete(data);
            throw e;
        }
        return new ProvisionedDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                "embedded PostgreSQL", () -> {
                    // zonky keeps a data directory it was given; this copy is ours to remove.
                    try {
                        postgres.close();
                    } finally {
                        Folders.delete(data);
                    }
                });
    }

    @Override
    public ProvisionedDatabase container() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return Containers.provisioned(container, "PostgreSQL container " + IMAGE);
    }
}
