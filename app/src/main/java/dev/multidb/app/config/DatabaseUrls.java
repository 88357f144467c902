package dev.multidb.app.config;

import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.Engine;
import java.util.Optional;

/** Whether a configured URL reaches an engine the database module's SQL is written for. */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /**
     * Refuses a URL the module's migrations and generated SQL cannot run on: database2 on H2 only in SQL Server
     * mode, a PostgreSQL module only on PostgreSQL. A blank URL (embedded default) fits outside production.
     */
    public static void check(DatabaseDescriptor descriptor, DatabaseConfig config, boolean production) {
        if (config.embedded()) {
            if (production) {
                throw new ConfigurationException(EnvironmentVariables.forDatabase(descriptor.name(), "url")
                        + " is required in production", "set it to the database's JDBC URL, starting with "
                        + Engine.urlPrefixes(" or "));
            }
            return;
        }
        String variable = EnvironmentVariables.forDatabase(descriptor.name(), "url");
        // Engine.misfit words it "what; what to do": its two halves become the exception's two fields.
        Optional<String> misfit = descriptor.engine().misfit(config.url());
        if (misfit.isPresent()) {
            String[] halves = misfit.get().formatted(descriptor.name()).split("; ", 2);
            throw new ConfigurationException(variable + " " + halves[0], halves[1]);
        }
    }
}
