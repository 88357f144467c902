package dev.multidb.codegen.engines;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** SQL Server: H2 in MODE=MSSQLServer in memory as the embedded default, or the official image in a container. */
final class SqlServerEngine implements Engine {

    static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-latest";

    @Override
    public String id() {
        return "sqlserver";
    }

    @Override
    public String embeddedUrlPrefix() {
        return "jdbc:h2:";
    }

    @Override
    public String productionUrlPrefix() {
        return "jdbc:sqlserver:";
    }

    @Override
    public ProvisionedDatabase embedded() throws SQLException {
        String url = "jdbc:h2:mem:codegen-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        // Held open so the in-memory database lives until close(), whatever Flyway and jOOQ do with theirs.
        Connection keeper = DriverManager.getConnection(url, "sa", "");
        return new ProvisionedDatabase(url, "sa", "", "H2 in MODE=MSSQLServer (in memory)", () -> {
            try (keeper; Statement statement = keeper.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        });
    }

    @Override
    public ProvisionedDatabase container() {
        MSSQLServerContainer container = new MSSQLServerContainer(IMAGE).acceptLicense();
        container.start();
        return Containers.provisioned(container, "SQL Server container " + IMAGE);
    }
}
