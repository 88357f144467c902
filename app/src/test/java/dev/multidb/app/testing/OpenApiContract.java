package dev.multidb.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's OpenAPI document (app/src/main/resources/openapi.json) as a check of real answers: each response must be
 * documented for its path, method and status, and its body must validate against the documented schema. An answer
 * to an undocumented path or method (404, 405) must be a problem; Swagger UI's files under /docs/assets/ are not
 * the API.
 */
public final class OpenApiContract {

    private static final String LOCATION = "classpath:openapi.json";
    // Swagger UI's own files, served for /docs; not part of the API.
    private static final String DOCS_ASSETS = "/docs/assets/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final JsonNode document;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> byRef = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
            this.document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /** Every documented operation as {@code "GET /customers/{id}"}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return operations;
    }

    /** The ways {@code response} breaks the document; empty when it keeps it. */
    public List<String> violations(String method, HttpResponse<String> response) {
        String path = response.uri().getPath();
        String what = method + " " + path + " answered " + response.statusCode();
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty() && path.startsWith(DOCS_ASSETS) && response.statusCode() == 200) {
            return List.of();
        }
        if (operation.isEmpty()) {
            return validate(what, "#/components/schemas/Problem", "application/problem+json", response);
        }
        JsonNode documented = resolve(operation.get().path("responses").path(String.valueOf(response.statusCode())));
        if (documented.isMissingNode()) {
            return List.of(what + ", a status the document does not list for it");
        }
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> header : documented.path("headers").properties()) {
            if (resolve(header.getValue()).path("required").asBoolean()
                    && response.headers().firstValue(header.getKey()).isEmpty()) {
                violations.add(what + " without its required " + header.getKey() + " header");
            }
        }
        JsonNode content = documented.path("content");
        if (content.isMissingNode()) {
            if (!response.body().isEmpty()) {
                violations.add(what + " with a body where the document has none");
            }
            return violations;
        }
        String type = mediaType(response);
        JsonNode schema = content.path(type).path("schema");
        if (!content.has(type)) {
            violations.add(what + " as " + type + ", which the document does not list for it");
        } else if (schema.has("$ref")) {
            violations.addAll(validate(what, schema.get("$ref").asText(), type, response));
        }
        return violations;
    }

    private Optional<JsonNode> operation(String method, String path) {
        for (Map.Entry<String, JsonNode> entry : document.get("paths").properties()) {
            if (path.matches(entry.getKey().replaceAll("\\{[^/]+}", "[^/]+"))) {
                return Optional.ofNullable(entry.getValue().get(method.toLowerCase(Locale.ROOT)));
            }
        }
        return Optional.empty();
    }

    private List<String> validate(String what, String ref, String expectedType, HttpResponse<String> response) {
        if (!mediaType(response).equals(expectedType)) {
            return List.of(what + " as " + mediaType(response) + ", not " + expectedType);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return List.of(what + " with a body that is not JSON: " + response.body());
        }
        return schemaViolations(ref, body).stream().map(error -> what + ": " + error + " in " + response.body())
                .toList();
    }

    /** How {@code body} breaks the schema at {@code ref} (e.g. {@code #/components/schemas/Customer}). */
    public List<String> schemaViolations(String ref, JsonNode body) {
        Schema schema = byRef.computeIfAbsent(ref, r -> schemas.getSchema(SchemaLocation.of(LOCATION + r)));
        return schema.validate(body).stream().map(Error::toString).toList();
    }

    // Responses and headers may be $refs into components; one level is all the document uses.
    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        return document.at(URI.create(node.get("$ref").asText()).getFragment());
    }

    private static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").map(type -> type.split(";")[0].strip())
                .orElse("none");
    }
}
