package dev.multidb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class DialectResolverTest {

    @Test
    void postgresqlUrlRendersPostgres() {
        assertThat(DialectResolver.resolve("database1", "jdbc:postgresql://localhost:5432/app"))
                .isEqualTo(SQLDialect.POSTGRES);
    }

    @Test
    void h2UrlsRenderH2WhetherFileMemoryOrServer() {
        assertThat(DialectResolver.resolve("database2", "jdbc:h2:mem:x;MODE=MSSQLServer")).isEqualTo(SQLDialect.H2);
        assertThat(DialectResolver.resolve("database2", "jdbc:h2:file:./data/database2")).isEqualTo(SQLDialect.H2);
        assertThat(DialectResolver.resolve("database2", "jdbc:h2:tcp://localhost:9092/db")).isEqualTo(SQLDialect.H2);
    }

    @Test
    void sqlServerUrlResolvesByNameOrRefusesWithWhatToSet() {
        String url = "jdbc:sqlserver://localhost:1433;databaseName=app;password=secret";
        if (DialectResolver.byName("SQLSERVER").isPresent()) {
            assertThat(DialectResolver.resolve("database2", url).name()).isEqualTo("SQLSERVER");
        } else {
            assertThatThrownBy(() -> DialectResolver.resolve("database2", url))
                    .isInstanceOf(UnsupportedDialectException.class)
                    .hasMessage("database2: jOOQ Open Source Edition has no SQL Server dialect."
                            + " Build with -Djooq.groupId=org.jooq.pro (licensed) or point DATABASE2_URL at H2.");
        }
    }

    @Test
    void unknownUrlIsRefusedWithoutRepeatingItsParameters() {
        assertThatThrownBy(() -> DialectResolver.resolve("database1", "jdbc:mysql://host/db?password=secret"))
                .isInstanceOf(UnsupportedDialectException.class)
                .hasMessageContaining("jdbc:postgresql:, jdbc:sqlserver: or jdbc:h2:")
                .hasMessageNotContaining("secret");
    }
}
