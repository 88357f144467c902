package dev.multidb.database2;

import static dev.multidb.database2.jooq.Tables.INVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.multidb.core.DialectResolver;
import java.math.BigDecimal;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/** The same migrations and repository on a real SQL Server, where a Docker engine answers. */
class SqlServerTest {

    private static final String NO_DOCKER = "SqlServerTest skipped: no Docker engine answers, so no SQL Server"
            + " container can run here; these tests run where one does";

    private static MSSQLServerContainer server;

    @BeforeAll
    static void startServer() {
        if (!dockerAvailable()) {
            System.err.println(NO_DOCKER);
            return;
        }
        server = new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();
        server.start();
    }

    @BeforeEach
    void requireServer() {
        assumeTrue(server != null, NO_DOCKER);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void migrationsApplyOnSqlServer() {
        MigrateResult result = flyway().migrate();

        assertThat(result.success).isTrue();
        assertThat(flyway().info().current().getVersion().getVersion()).isEqualTo(Database2.DESCRIPTOR.schemaVersion());
    }

    @Test
    void repositoryRoundTripsOnSqlServerWithALicensedJooqEdition() {
        assumeTrue(DialectResolver.byName("SQLSERVER").isPresent(),
                "SqlServerTest skipped: jOOQ Open Source Edition has no SQL Server dialect (build with -Djooq.groupId=org.jooq.pro)");
        flyway().migrate();
        DSLContext dsl = DSL.using(server.getJdbcUrl(), server.getUsername(), server.getPassword());
        InvoiceRepository invoices = new InvoiceRepository(dsl);

        Invoice created = invoices.create(7, new BigDecimal("0.10"), "EUR");
        invoices.create(7, new BigDecimal("0.20"), "EUR");

        assertThat(invoices.listByCustomer(7, Optional.of(InvoiceStatus.OPEN))).hasSize(2);
        assertThat(invoices.summarize(7).outstanding().get("EUR")).isEqualByComparingTo("0.30");
        assertThat(invoices.pay(created.id())).isEqualTo(PayOutcome.PAID);
        assertThat(invoices.pay(created.id())).isEqualTo(PayOutcome.NOT_OPEN);
        dsl.deleteFrom(INVOICE).execute();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Flyway flyway() {
        return Flyway.configure()
                .dataSource(server.getJdbcUrl(), server.getUsername(), server.getPassword())
                .locations(Database2.DESCRIPTOR.migrationLocation())
                .load();
    }
}
