package dev.multidb.app.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RestartablePostgres} for a test class: started before the class's first test (and before its own
 * {@code @BeforeAll} methods, which may use it), closed after its last. Register it as a static field.
 */
public final class PostgresForClass implements BeforeAllCallback, AfterAllCallback {

    private RestartablePostgres postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        postgres = RestartablePostgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (postgres != null) {
            postgres.close();
        }
    }

    public RestartablePostgres get() {
        if (postgres == null) {
            throw new IllegalStateException("PostgresForClass must be a static @RegisterExtension field");
        }
        return postgres;
    }
}
