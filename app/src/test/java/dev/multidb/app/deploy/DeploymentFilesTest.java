package dev.multidb.app.deploy;

import static dev.multidb.app.deploy.DeploymentFiles.composeEnvironment;
import static dev.multidb.app.deploy.DeploymentFiles.container;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.config.EnvironmentVariables;
import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RunningApp;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * deploy/kubernetes, compose.yaml and the Dockerfile cannot run here (no cluster, no Docker), so they are read:
 * what they set must be what the app reads, and what they name must agree from file to file.
 */
class DeploymentFilesTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.shared();

    private final DeploymentFiles files = DeploymentFiles.read();

    @Test
    void everyVariableTheManifestsAndComposeSetIsOneTheAppReads() {
        Set<String> set = new TreeSet<>();
        for (String workload : List.of("Job/multidb-migrate", "Deployment/multidb")) {
            set.addAll(files.environment(container(workload(workload))).keySet());
        }
        files.composeAppServices().values().forEach(service -> set.addAll(composeEnvironment(service).keySet()));

        assertThat(set).contains("APP_ENV", "DATABASE1_URL", "DATABASE1_MIGRATION_URL").isSubsetOf(variablesTheAppReads());
    }

    @Test
    void probesAskRoutesTheAppServes() {
        JsonNode container = container(files.manifest("Deployment", "multidb"));
        Map<String, Integer> statuses = new TreeMap<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = container.path(probe).path("httpGet").path("path").asText();
            // A cold JVM on a busy machine may miss the first readiness deadline; a probe asks again too.
            Poll.until(() -> app.client().get(path).statusCode() == 200, Duration.ofSeconds(20));
            statuses.put(probe + " " + path, app.client().get(path).statusCode());
        }

        assertThat(statuses).isEqualTo(Map.of("livenessProbe /health/live", 200,
                "readinessProbe /health/ready", 200, "startupProbe /health/live", 200));
    }

    @Test
    void migrationJobRunsMigrateWithTheMigrationCredentialsOnTheDirectUrl() {
        JsonNode job = container(files.manifest("Job", "multidb-migrate"));
        Map<String, String> env = files.environment(job);

        assertThat(DeploymentFiles.dockerEntrypoint()).endsWith("-jar", "/app/app.jar");
        assertThat(DeploymentFiles.dockerfileLine("COPY ")).endsWith(" /app/app.jar");
        assertThat(job.path("args").toString()).isEqualTo("[\"migrate\"]");
        assertThat(env).containsKeys("DATABASE1_MIGRATION_USER", "DATABASE1_MIGRATION_PASSWORD",
                "DATABASE2_MIGRATION_USER", "DATABASE2_MIGRATION_PASSWORD").doesNotContainKeys("DATABASE1_USER",
                "DATABASE2_USER");
        assertThat(env.get("DATABASE1_MIGRATION_URL")).doesNotContain("pgbouncer");
    }

    @Test
    void appPodsServeWithoutMigrationRightsAndNeverMigrateOnStart() {
        JsonNode pod = container(files.manifest("Deployment", "multidb"));
        Map<String, String> env = files.environment(pod);

        assertThat(pod.path("args").toString()).isEqualTo("[\"serve\"]");
        assertThat(env).containsEntry("MIGRATE_ON_START", "false").containsKeys("DATABASE1_USER", "DATABASE1_PASSWORD")
                .doesNotContainKeys("DATABASE1_MIGRATION_USER", "DATABASE1_MIGRATION_PASSWORD");
    }

    @Test
    void serviceContainerDockerfileAndConfigAgreeOnThePort() {
        JsonNode deployment = files.manifest("Deployment", "multidb");
        JsonNode service = files.manifest("Service", "multidb");
        int httpPort = Integer.parseInt(files.environment(container(deployment)).get("HTTP_PORT"));
        JsonNode compose = files.composeAppServices().get("app");

        assertThat(List.of(
                containerPort(container(deployment), service.path("spec").path("ports").get(0).path("targetPort").asText()),
                Integer.parseInt(DeploymentFiles.dockerfileLine("EXPOSE ").substring("EXPOSE ".length()).strip()),
                Integer.parseInt(composeEnvironment(compose).get("HTTP_PORT")),
                Integer.parseInt(compose.path("ports").get(0).asText().split(":")[1])))
                .containsOnly(httpPort);
        assertThat(service.path("spec").path("selector"))
                .isEqualTo(deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    @Test
    void pgbouncerSitsBetweenTheAppsUrlAndTheMigrationUrl() {
        JsonNode pgbouncer = files.manifest("Deployment", "multidb-pgbouncer");
        JsonNode service = files.manifest("Service", "multidb-pgbouncer");
        Properties ini = DeploymentFiles.ini(files.manifest("ConfigMap", "multidb-pgbouncer-config")
                .path("data").path("pgbouncer.ini").asText());
        URI direct = jdbc(files.manifest("ConfigMap", "multidb-config").path("data").path("DATABASE1_MIGRATION_URL").asText());

        assertThat(containerPort(container(pgbouncer), service.path("spec").path("ports").get(0).path("targetPort").asText()))
                .isEqualTo(Integer.parseInt(ini.getProperty("listen_port")))
                .isEqualTo(service.path("spec").path("ports").get(0).path("port").asInt());
        assertThat(ini.getProperty("app")).isEqualTo("host=" + direct.getHost() + " port=" + direct.getPort()
                + " dbname=" + direct.getPath().substring(1));
        assertThat(ini).containsEntry("pool_mode", "transaction")
                .containsEntry("ignore_startup_parameters", "extra_float_digits");
    }

    @Test
    void composeAppGoesThroughPgBouncerAndMigratesDirectly() {
        Map<String, String> env = composeEnvironment(files.composeAppServices().get("app"));
        Properties ini = DeploymentFiles.ini(DeploymentFiles.readFile("deploy/compose/pgbouncer.ini"));
        URI pooled = jdbc(env.get("DATABASE1_URL"));
        URI direct = jdbc(env.get("DATABASE1_MIGRATION_URL"));

        assertThat(files.compose.path("services").has(pooled.getHost())).as(pooled.getHost() + " is a service").isTrue();
        assertThat(pooled.getPort()).isEqualTo(Integer.parseInt(ini.getProperty("listen_port")));
        assertThat(ini.getProperty("app")).isEqualTo("host=" + direct.getHost() + " port=" + direct.getPort()
                + " dbname=app");
        assertThat(files.compose.path("services").path(direct.getHost()).path("image").asText()).startsWith("postgres:");
        assertThat(env).containsEntry("DATABASE1_POOLER", "pgbouncer");
    }

    @Test
    void stopGracePeriodsOutlastTheShutdownGrace() {
        JsonNode pod = files.manifest("Deployment", "multidb").path("spec").path("template").path("spec");
        long graceMs = Long.parseLong(files.environment(container(files.manifest("Deployment", "multidb")))
                .get("SHUTDOWN_GRACE_MS"));
        long preStopMs = container(files.manifest("Deployment", "multidb")).path("lifecycle").path("preStop")
                .path("sleep").path("seconds").asLong() * 1000;
        JsonNode compose = files.composeAppServices().get("app");

        assertThat(pod.path("terminationGracePeriodSeconds").asLong() * 1000).isGreaterThan(preStopMs + graceMs);
        assertThat(seconds(compose.path("stop_grace_period").asText()) * 1000)
                .isGreaterThan(Long.parseLong(composeEnvironment(compose).get("SHUTDOWN_GRACE_MS")));
    }

    /** The names EnvironmentVariables maps onto the configuration's keys, logback's variables, and APP_ENV. */
    private static Set<String> variablesTheAppReads() {
        Set<String> names = new TreeSet<>();
        // As ConfigLoader reads them: application.conf's shared keys, and each database block, which the
        // modules' reference.conf files add.
        Config file = ConfigFactory.parseResources("application.conf");
        Config merged = file.withFallback(ConfigFactory.parseResources("reference.conf")).resolve();
        Stream.concat(file.resolve().withoutPath("environments").withoutPath("database-defaults").entrySet().stream(),
                        merged.getConfig("databases").atPath("databases").entrySet().stream())
                .map(Map.Entry::getKey).map(EnvironmentVariables::nameOf).forEach(names::add);
        Matcher logback = Pattern.compile("\\$\\{([A-Z_]+):-").matcher(DeploymentFiles.readFile(
                "app/src/main/resources/logback.xml"));
        while (logback.find()) {
            names.add(logback.group(1));
        }
        // APP_ENV picks the environment block instead of overriding a key: it is read when it changes the result.
        if (ConfigLoader.load(Map.of("APP_ENV", "test")).environment().equals("test")) {
            names.add("APP_ENV");
        }
        return names;
    }

    private JsonNode workload(String kindAndName) {
        String[] parts = kindAndName.split("/");
        return files.manifest(parts[0], parts[1]);
    }

    private static int containerPort(JsonNode container, String targetPort) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(targetPort) || port.path("containerPort").asText().equals(targetPort)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port " + targetPort + " in " + container.path("name"));
    }

    private static URI jdbc(String url) {
        return URI.create(url.substring("jdbc:".length()));
    }

    private static long seconds(String duration) {
        return Long.parseLong(duration.replace("s", ""));
    }
}
