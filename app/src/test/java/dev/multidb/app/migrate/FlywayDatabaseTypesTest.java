package dev.multidb.app.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.GeneralDatabaseType;
import org.junit.jupiter.api.Test;

/**
 * Flyway 10+ ships each engine as a separate module found through META-INF/services. No SQL Server
 * runs here, so only this test notices a missing or mismatched flyway-sqlserver. Several types may
 * accept one URL (Flyway picks among them by the connection's product name), hence "contains".
 */
class FlywayDatabaseTypesTest {

    @Test
    void sqlServerUrlIsHandledByFlywaysSqlServerModule() {
        assertThat(typesFor("jdbc:sqlserver://db2.example.com:1433;databaseName=app")).contains("SQL Server");
    }

    @Test
    void postgresqlUrlIsHandledByFlywaysPostgresqlModule() {
        assertThat(typesFor("jdbc:postgresql://db1.example.com:5432/app")).contains("PostgreSQL");
    }

    @Test
    void h2UrlIsHandledByFlywaysCore() {
        assertThat(typesFor("jdbc:h2:file:./data/database2/database2;MODE=MSSQLServer")).contains("H2");
    }

    private static List<String> typesFor(String url) {
        return DatabaseTypeRegister.getDatabaseTypesForUrl(url, Flyway.configure()).stream()
                .map(GeneralDatabaseType::getName).toList();
    }
}
