package dev.multidb.app.config;

import dev.multidb.core.DatabaseDescriptor;
import java.util.Optional;

/** Whether a configured URL reaches an engine the database module's SQL is written for. */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /**
     * Refuses a URL the module's migrations and generated SQL cannot run on: database2 on H2 only in SQL Server
     * mode, a PostgreSQL module only on PostgreSQL. A blank URL (embedded default) always fits.
     */
    public static void check(DatabaseDescriptor descriptor, DatabaseConfig config) {
        if (config.embedded()) {
            return;
        }
        String variable = EnvironmentVariables.forDatabase(descriptor.name(), "url");
        Optional<String> misfit = descriptor.engine().misfit(config.url());
        if (misfit.isPresent()) {
            throw new ConfigurationException(variable + " " + misfit.get().formatted(descriptor.name()));
        }
    }
}
