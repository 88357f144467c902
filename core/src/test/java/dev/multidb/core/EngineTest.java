package dev.multidb.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void engineIsReadFromThePrefixIgnoringCase() {
        assertThat(Engine.ofUrl("jdbc:postgresql://localhost/app")).contains(Engine.POSTGRESQL);
        assertThat(Engine.ofUrl("JDBC:SQLSERVER://localhost;databaseName=app")).contains(Engine.SQLSERVER);
        assertThat(Engine.ofUrl("jdbc:h2:tcp://localhost/app;MODE=MSSQLServer")).contains(Engine.H2);
    }

    @Test
    void otherUrlsHaveNoEngine() {
        assertThat(Engine.ofUrl("jdbc:mysql://localhost/app")).isEmpty();
        assertThat(Engine.ofUrl("jdbc:h2")).isEmpty();
        assertThat(Engine.ofUrl("")).isEmpty();
        assertThat(Engine.ofUrl(null)).isEmpty();
    }

    @Test
    void prefixesAreListedForMessages() {
        assertThat(Engine.urlPrefixes(", ")).isEqualTo("jdbc:postgresql:, jdbc:sqlserver:, jdbc:h2:");
        assertThat(Engine.urlPrefixes(" or ")).isEqualTo("jdbc:postgresql:, jdbc:sqlserver: or jdbc:h2:");
    }

    @Test
    void eachEngineGetsItsStatementDeadlineItsOwnWay() {
        Duration deadline = Duration.ofMillis(1500);

        assertThat(Engine.POSTGRESQL.statementTimeoutSql(deadline)).contains("SET statement_timeout = 1500");
        assertThat(Engine.H2.statementTimeoutSql(deadline)).contains("SET QUERY_TIMEOUT 1500");
        assertThat(Engine.SQLSERVER.statementTimeoutSql(deadline)).isEmpty();
        assertThat(Engine.SQLSERVER.driverTimeouts(deadline, Duration.ofMillis(2000), Duration.ofMillis(250)))
                .isEqualTo(Map.of("queryTimeout", "2", "socketTimeout", "2000", "loginTimeout", "1"));
        assertThat(Engine.POSTGRESQL.driverTimeouts(deadline, Duration.ofMillis(2000), Duration.ofMillis(2000)))
                .isEqualTo(Map.of("socketTimeout", "2", "connectTimeout", "2", "loginTimeout", "2"));
        assertThat(Engine.H2.driverTimeouts(deadline, Duration.ofMillis(2000), Duration.ofMillis(2000))).isEmpty();
    }

    @Test
    void onlyDriversThatCloseTheSocketCanAbort() {
        assertThat(Engine.POSTGRESQL.driverCanAbort()).isTrue();
        assertThat(Engine.SQLSERVER.driverCanAbort()).isTrue();
        assertThat(Engine.H2.driverCanAbort()).isFalse();
    }

    @Test
    void sqlServerStandsInAsH2InItsModeAndPostgresAsItself() {
        assertThat(Engine.POSTGRESQL.embeddedStandIn()).isEqualTo(Engine.POSTGRESQL);
        assertThat(Engine.SQLSERVER.embeddedStandIn()).isEqualTo(Engine.H2);
        assertThat(Engine.SQLSERVER.h2Mode()).contains("MSSQLServer");
        assertThat(Engine.H2.embeddedStandIn()).isEqualTo(Engine.H2);
        assertThat(Engine.H2.h2Mode()).isEmpty();
    }

    @Test
    void aModuleFitsOnlyUrlsOfItsEngineOrItsStandIn() {
        assertThat(Engine.SQLSERVER.misfit("jdbc:h2:mem:x;MODE=MSSQLServer")).isEmpty();
        assertThat(Engine.SQLSERVER.misfit("jdbc:sqlserver://db")).isEmpty();
        assertThat(Engine.SQLSERVER.misfit("jdbc:h2:mem:x")).map(m -> m.formatted("database2"))
                .contains("is an H2 URL without MODE=MSSQLServer, but database2 is written for SQL Server;"
                        + " add ;MODE=MSSQLServer to it");
        assertThat(Engine.SQLSERVER.misfit("jdbc:postgresql://db/app")).map(m -> m.formatted("database2"))
                .contains("is a PostgreSQL URL, but database2 is written for SQL Server; give a jdbc:sqlserver: or"
                        + " jdbc:h2:...;MODE=MSSQLServer URL");
        assertThat(Engine.POSTGRESQL.misfit("jdbc:h2:mem:x")).map(m -> m.formatted("database1"))
                .contains("is not a jdbc:postgresql: URL, but database1 is written for PostgreSQL; point it at a"
                        + " PostgreSQL server");
        assertThat(Engine.H2.misfit("jdbc:postgresql://db/app")).map(m -> m.formatted("notes"))
                .contains("is not a jdbc:h2: URL, but notes is written for H2; point it at a H2 server");
    }
}
