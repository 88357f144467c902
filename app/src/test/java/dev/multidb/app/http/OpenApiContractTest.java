package dev.multidb.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.OpenApiContract;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.app.testing.TestApp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document and the server agree on what exists. (That every answer the API tests receive keeps the
 * document is checked by the shared test Client on each answer.)
 */
class OpenApiContractTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.shared();

    private final OpenApiContract contract = OpenApiContract.get();

    @Test
    void everyServedRouteIsDocumented() {
        assertThat(contract.operations()).containsAll(app.routes());
    }

    @Test
    void everyDocumentedOperationIsServed() {
        assertThat(app.routes()).containsAll(contract.operations());
    }

    @Test
    void openapiJsonServesTheDocument() {
        HttpResponse<String> response = app.client().get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = TestApp.json(response.body());
        assertThat(served).isEqualTo(contract.document());
        assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void docsShowSwaggerUiOnTheDocument() {
        HttpResponse<String> page = app.client().get("/docs");
        HttpResponse<String> bundle = app.client().get("/docs/assets/swagger-ui-bundle.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("url: \"/openapi.json\"").contains("/docs/assets/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }

    @Test
    void theDocumentRefusesAnInvoiceWhoseAmountIsANumber() {
        JsonNode invoice = TestApp.json("{\"id\": 3, \"customerId\": 7, \"amount\": 12.5, \"currency\": \"EUR\","
                + " \"status\": \"open\", \"issuedAt\": \"2026-01-02T03:04:05.123Z\"}");

        assertThat(contract.schemaViolations("#/components/schemas/Invoice", invoice))
                .singleElement().asString().contains("/amount");
    }

    @Test
    void everyObjectSchemaHasAnExample() {
        for (JsonNode schema : contract.document().at("/components/schemas")) {
            if ("object".equals(schema.path("type").asText())) {
                assertThat(schema.has("example") || schema.path("properties").isEmpty()).as(schema.toString())
                        .isTrue();
            }
        }
    }
}
