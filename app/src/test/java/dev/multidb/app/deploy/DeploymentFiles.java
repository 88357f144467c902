package dev.multidb.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.stream.Stream;

/** The repository's deployment files, parsed: every Kubernetes manifest, compose.yaml and the Dockerfile. */
final class DeploymentFiles {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final YAMLMapper YAML = new YAMLMapper();

    final List<JsonNode> manifests;
    final JsonNode compose;

    private DeploymentFiles(List<JsonNode> manifests, JsonNode compose) {
        this.manifests = manifests;
        this.compose = compose;
    }

    static DeploymentFiles read() {
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
            List<JsonNode> manifests = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                manifests.addAll(YAML.readerFor(JsonNode.class).readValues(file.toFile()).readAll().stream()
                        .map(JsonNode.class::cast).toList());
            }
            return new DeploymentFiles(manifests, YAML.readTree(ROOT.resolve("compose.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode manifest(String kind, String name) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind))
                .filter(m -> m.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " named " + name + " in deploy/kubernetes"));
    }

    /** The one container of a Job's or Deployment's pod template. */
    static JsonNode container(JsonNode workload) {
        JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new IllegalStateException(workload.path("metadata").path("name") + " has not exactly one container");
        }
        return containers.get(0);
    }

    /** Every variable a container gets: its env entries and all keys of the ConfigMaps and Secrets it takes whole. */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            JsonNode source = from.has("configMapRef")
                    ? manifest("ConfigMap", from.path("configMapRef").path("name").asText()).path("data")
                    : manifest("Secret", from.path("secretRef").path("name").asText()).path("stringData");
            source.properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asText()));
        }
        container.path("env").forEach(entry -> env.put(entry.path("name").asText(), entry.path("value").asText()));
        return env;
    }

    /** The compose services that run the app's image (built from this repository). */
    Map<String, JsonNode> composeAppServices() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").properties().stream().filter(s -> s.getValue().has("build"))
                .forEach(s -> services.put(s.getKey(), s.getValue()));
        return services;
    }

    static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        service.path("environment").properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asText()));
        return env;
    }

    /** The Dockerfile's ENTRYPOINT (exec form), as a list. */
    static List<String> dockerEntrypoint() {
        String line = dockerfileLine("ENTRYPOINT ");
        try {
            return List.of(new ObjectMapper().readValue(line.substring("ENTRYPOINT ".length()), String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dockerfileLine(String prefix) {
        try (Stream<String> lines = Files.lines(ROOT.resolve("Dockerfile"))) {
            return lines.filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no " + prefix.strip() + " in the Dockerfile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ini file's {@code key = value} lines (PgBouncer's format is close enough to Java's properties for that). */
    static Properties ini(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(text.replaceAll("(?m)^;.*$", "")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String readFile(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
