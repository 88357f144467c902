package dev.multidb.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    private static final Map<String, String> PRODUCTION_URLS = Map.of("APP_ENV", "production",
            "DATABASE1_URL", "jdbc:postgresql://db1:5432/app", "DATABASE2_URL", "jdbc:sqlserver://db2:1433");

    @Test
    void developmentIsTheDefaultAndRunsEveryDatabaseEmbedded() {
        AppConfig config = ConfigLoader.load(Map.of());

        assertThat(config).isEqualTo(new AppConfig("development", 7070, true, true, "data", List.of(
                defaults("database1"), defaults("database2"))));
    }

    @Test
    void testEnvironmentMigratesAndSeedsOnStart() {
        AppConfig config = ConfigLoader.load(Map.of("APP_ENV", "test"));

        assertThat(config.environment()).isEqualTo("test");
        assertThat(config.migrateOnStart()).isTrue();
        assertThat(config.seedOnStart()).isTrue();
    }

    @Test
    void productionNeitherMigratesNorSeedsOnStart() {
        AppConfig config = ConfigLoader.load(PRODUCTION_URLS);

        assertThat(config.production()).isTrue();
        assertThat(config.migrateOnStart()).isFalse();
        assertThat(config.seedOnStart()).isFalse();
    }

    @Test
    void environmentVariableBeatsTheEnvironmentsDefault() {
        Map<String, String> env = new HashMap<>(PRODUCTION_URLS);
        env.put("MIGRATE_ON_START", "true");

        assertThat(ConfigLoader.load(env).migrateOnStart()).isTrue();
    }

    @Test
    void productionLoadsWithAMissingUrlSoThatTheCommandReportsItForTheDatabasesItNeeds() {
        AppConfig config = ConfigLoader.load(Map.of("APP_ENV", "production",
                "DATABASE1_URL", "jdbc:postgresql://db1:5432/app"));

        assertThat(config.database("database2").embedded()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"verbose", "debug2", "ALL"})
    void unknownLogLevelFailsNamingLogLevel(String level) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOG_LEVEL", level)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("LOG_LEVEL is '" + level + "', not a log level; set it to TRACE, DEBUG, INFO, WARN, ERROR"
                        + " or OFF, in any case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace", "Debug", "INFO", "warn", "error", "off", " "})
    void everyLogbackLevelInAnyCaseIsAccepted(String level) {
        assertThat(ConfigLoader.load(Map.of("LOG_LEVEL", level)).environment()).isEqualTo("development");
    }

    @Test
    void environmentVariablesOverrideEveryDatabaseValue() {
        AppConfig config = ConfigLoader.load(Map.of(
                "DATABASE2_URL", "jdbc:h2:mem:orders;MODE=MSSQLServer",
                "DATABASE2_USER", "app",
                "DATABASE2_PASSWORD", "app-pw",
                "DATABASE2_MIGRATION_USER", "owner",
                "DATABASE2_MIGRATION_PASSWORD", "owner-pw",
                "DATABASE2_POOL_SIZE", "4",
                "DATABASE2_STATEMENT_TIMEOUT_MS", "1500",
                "DATABASE2_CONNECTION_TIMEOUT_MS", "300",
                "DATABASE2_MAX_CONCURRENT_CALLS", "8"));

        assertThat(config.database("database2")).isEqualTo(new DatabaseConfig("database2",
                "jdbc:h2:mem:orders;MODE=MSSQLServer", "app", new Secret("app-pw"), "owner", new Secret("owner-pw"),
                4, Duration.ofMillis(1500), Duration.ofMillis(300), 8));
        assertThat(config.database("database1")).isEqualTo(defaults("database1"));
    }

    @Test
    void environmentVariablesOverrideTheAppValues() {
        AppConfig config = ConfigLoader.load(Map.of("HTTP_PORT", "9090", "MIGRATE_ON_START", "false",
                "SEED_ON_START", "no", "DATA_DIRECTORY", "/var/lib/multidb"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.migrateOnStart()).isFalse();
        assertThat(config.seedOnStart()).isFalse();
        assertThat(config.dataDirectory()).isEqualTo("/var/lib/multidb");
    }

    @Test
    void migrationCredentialsDefaultToTheAppCredentials() {
        DatabaseConfig database = ConfigLoader.load(Map.of("DATABASE1_URL", "jdbc:postgresql://db1/app",
                "DATABASE1_USER", "app", "DATABASE1_PASSWORD", "app-pw")).database("database1");

        assertThat(database.migrationUser()).isEqualTo("app");
        assertThat(database.migrationPassword()).isEqualTo(new Secret("app-pw"));
    }

    @Test
    void blankVariableCountsAsUnset() {
        assertThat(ConfigLoader.load(Map.of("DATABASE1_POOL_SIZE", " ")).database("database1").poolSize())
                .isEqualTo(10);
    }

    @Test
    void poolSizeThatIsNotANumberFailsNamingTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE1_POOL_SIZE", "abc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE1_POOL_SIZE is 'abc', not a whole number; set it to a number from 1 to 10000");
    }

    @Test
    void idempotencyKeysAreKeptADayUnlessTheVariableSaysOtherwise() {
        assertThat(ConfigLoader.load(Map.of()).idempotencyKeyTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(ConfigLoader.load(Map.of("IDEMPOTENCY_KEY_TTL_HOURS", "48")).idempotencyKeyTtl())
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void idempotencyKeyTtlOfZeroFailsNamingTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("IDEMPOTENCY_KEY_TTL_HOURS", "0")))
                .hasMessage("IDEMPOTENCY_KEY_TTL_HOURS is '0', out of range; set it to a number from 1 to 87600");
    }

    @Test
    void poolSizeOfZeroFailsNamingTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE2_POOL_SIZE", "0")))
                .hasMessage("DATABASE2_POOL_SIZE is '0', out of range; set it to a number from 1 to 10000");
    }

    @Test
    void flagThatIsNotABooleanFailsNamingTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SEED_ON_START", "maybe")))
                .hasMessage("SEED_ON_START is 'maybe', not true or false; set it to true or false");
    }

    @Test
    void unknownEnvironmentFailsNamingAppEnv() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("APP_ENV", "staging")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("APP_ENV is 'staging', not a known environment; set it to development, test or production");
    }

    @Test
    void urlOfAnUnsupportedEngineIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE1_URL", "jdbc:mysql://root:s3cret@db/app")))
                .hasMessageStartingWith("DATABASE1_URL starts with 'jdbc:mysql:', which multidb cannot use;")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aThirdDatabaseIsOneConfigBlock() {
        AppConfig config = ConfigLoader.load(ConfigFactory.parseString("databases.database3 = ${database-defaults}")
                .withFallback(ConfigFactory.parseResources("application.conf")),
                Map.of("DATABASE3_URL", "jdbc:h2:mem:third", "DATABASE3_POOL_SIZE", "3"));

        assertThat(config.database("database3").url()).isEqualTo("jdbc:h2:mem:third");
        assertThat(config.database("database3").poolSize()).isEqualTo(3);
    }

    @Test
    void passwordsNeverAppearInTheConfigurationsText() {
        AppConfig config = ConfigLoader.load(Map.of("DATABASE1_PASSWORD", "hunter2-app",
                "DATABASE1_MIGRATION_USER", "owner", "DATABASE1_MIGRATION_PASSWORD", "hunter2-owner"));

        assertThat(config.toString()).doesNotContain("hunter2").contains("****");
        assertThat(config.database("database1").password().value()).isEqualTo("hunter2-app");
    }

    private static DatabaseConfig defaults(String name) {
        return new DatabaseConfig(name, "", "", Secret.NONE, "", Secret.NONE, 10, Duration.ofMillis(5000),
                Duration.ofMillis(2000), 20);
    }
}
