package dev.multidb.app.config;

import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.JdbcUrls;
import java.util.Locale;

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
                        + String.join(", ", ConfigLoader.URL_PREFIXES.subList(0, 2)) + " or "
                        + ConfigLoader.URL_PREFIXES.getLast());
            }
            return;
        }
        String url = config.url().toLowerCase(Locale.ROOT);
        String engine = JdbcUrls.engine(url).orElse("");
        String variable = EnvironmentVariables.forDatabase(descriptor.name(), "url");
        switch (descriptor.engine()) {
            case POSTGRESQL -> {
                if (!engine.equals(JdbcUrls.POSTGRESQL)) {
                    throw new ConfigurationException(variable + " is not a jdbc:postgresql: URL, but "
                            + descriptor.name() + " is written for PostgreSQL", "point it at a PostgreSQL server");
                }
            }
            case SQLSERVER -> {
                if (engine.equals(JdbcUrls.H2) && !url.contains(";mode=mssqlserver")) {
                    throw new ConfigurationException(variable + " is an H2 URL without MODE=MSSQLServer, but "
                            + descriptor.name() + " is written for SQL Server", "add ;MODE=MSSQLServer to it");
                }
                if (engine.equals(JdbcUrls.POSTGRESQL)) {
                    throw new ConfigurationException(variable + " is a PostgreSQL URL, but " + descriptor.name()
                            + " is written for SQL Server", "give a jdbc:sqlserver: or jdbc:h2:...;MODE=MSSQLServer URL");
                }
            }
        }
    }
}
