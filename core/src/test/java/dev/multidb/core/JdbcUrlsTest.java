package dev.multidb.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void engineIsReadFromThePrefixIgnoringCase() {
        assertThat(JdbcUrls.engine("jdbc:postgresql://localhost/app")).contains("postgresql");
        assertThat(JdbcUrls.engine("JDBC:SQLSERVER://localhost;databaseName=app")).contains("sqlserver");
        assertThat(JdbcUrls.engine("jdbc:h2:tcp://localhost/app;MODE=MSSQLServer")).contains("h2");
    }

    @Test
    void otherUrlsHaveNoEngine() {
        assertThat(JdbcUrls.engine("jdbc:mysql://localhost/app")).isEmpty();
        assertThat(JdbcUrls.engine("jdbc:h2")).isEmpty();
        assertThat(JdbcUrls.engine("")).isEmpty();
        assertThat(JdbcUrls.engine(null)).isEmpty();
    }
}
