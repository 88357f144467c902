package dev.multidb.database2;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.GeneralDatabaseType;
import org.junit.jupiter.api.Test;

/**
 * No SQL Server runs on the build machines, so nothing else would notice a missing or mismatched
 * flyway-sqlserver module: ask Flyway which database type it resolves for a SQL Server URL.
 */
class FlywaySqlServerSupportTest {

    @Test
    void flywayRecognisesSqlServerUrls() {
        var configuration = Flyway.configure().load().getConfiguration();

        assertThat(DatabaseTypeRegister.getDatabaseTypesForUrl("jdbc:sqlserver://localhost:1433;databaseName=app",
                configuration))
                .extracting(GeneralDatabaseType::getName)
                .contains("SQL Server");
    }
}
