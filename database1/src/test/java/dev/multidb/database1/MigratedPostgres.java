package dev.multidb.database1;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL with database1's migrations applied, for one test class: started before the class's own
 * {@code @BeforeAll} methods (which may use it), closed after its last test. Register it as a static field.
 */
final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations(Database1.DESCRIPTOR.migrationLocation()).load().migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    DataSource dataSource() {
        if (postgres == null) {
            throw new IllegalStateException("MigratedPostgres must be a static @RegisterExtension field");
        }
        return postgres.getPostgresDatabase();
    }

    DSLContext dsl() {
        return DSL.using(dataSource(), SQLDialect.POSTGRES);
    }
}
