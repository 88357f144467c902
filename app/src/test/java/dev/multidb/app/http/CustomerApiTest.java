package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.RunningApp;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerApiTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.emptiedBeforeEachTest();

    @Test
    void createdCustomerIsReturnedWithItsLocationAndServerFields() {
        HttpResponse<String> created = app.client().post("/customers", "{\"email\": \" Ada@Example.com \", \"name\": \" Ada \"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(created.body());
        assertThat(created.headers().firstValue("Location")).contains("/customers/" + body.get("id").asLong());
        assertThat(body.get("email").asText()).isEqualTo("Ada@Example.com");
        assertThat(body.get("name").asText()).isEqualTo("Ada");
        assertThat(body.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(fieldNames(body)).containsExactly("id", "email", "name", "createdAt");
    }

    @Test
    void customerIsReadBackByIdExactlyAsCreated() {
        String created = app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}").body();
        long id = json(created).get("id").asLong();

        HttpResponse<String> read = app.client().get("/customers/" + id);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body())).isEqualTo(json(created));
    }

    @Test
    void unknownCustomerIsNotFoundAsProblem() {
        HttpResponse<String> response = app.client().get("/customers/999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("title").asText()).isEqualTo("Not Found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("instance").asText()).isEqualTo("/customers/999");
        assertThat(problem.get("detail").asText()).isEqualTo("customer 999 does not exist");
    }

    @Test
    void emailIsTakenIgnoringCase() {
        app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}");

        HttpResponse<String> second = app.client().post("/customers", "{\"email\": \"ADA@EXAMPLE.COM\", \"name\": \"Other\"}");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second.body()).get("detail").asText()).isEqualTo("email already taken");
        assertThat(json(app.client().get("/customers").body()).get("items")).hasSize(1);
    }

    @Test
    void keysetPagesReturnEachCustomerOnceInOrder() {
        List<Long> ids = createCustomers(5);

        JsonNode first = json(app.client().get("/customers?limit=2").body());
        JsonNode second = json(app.client().get("/customers?limit=2&after=" + first.get("next").asLong()).body());
        JsonNode last = json(app.client().get("/customers?limit=2&after=" + second.get("next").asLong()).body());

        List<Long> seen = new ArrayList<>();
        for (JsonNode page : List.of(first, second, last)) {
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
        }
        assertThat(seen).isEqualTo(ids);
        assertThat(first.get("next").asLong()).isEqualTo(ids.get(1));
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void exactlyFullLastPageHasNoNext() {
        createCustomers(2);

        JsonNode page = json(app.client().get("/customers?limit=2").body());

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.has("next")).isTrue();
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void listDefaultsToFiftyCustomers() {
        createCustomers(51);

        JsonNode page = json(app.client().get("/customers").body());

        assertThat(page.get("items")).hasSize(50);
        assertThat(page.get("next").asLong()).isEqualTo(page.get("items").get(49).get("id").asLong());
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        long id = createCustomers(1).getFirst();

        HttpResponse<String> patched = app.client().patch("/customers/" + id, "{\"name\": \"Ada Lovelace\"}");

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode body = json(patched.body());
        assertThat(body.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(body.get("email").asText()).isEqualTo("customer0@example.com");
        assertThat(json(app.client().get("/customers/" + id).body())).isEqualTo(body);
    }

    @Test
    void mergePatchNullForANameIsRefusedBecauseTheNameCannotBeRemoved() {
        long id = createCustomers(1).getFirst();
        String before = app.client().get("/customers/" + id).body();

        HttpResponse<String> patched = app.client().patch("/customers/" + id, "{\"name\": null}");

        assertThat(patched.statusCode()).isEqualTo(400);
        assertThat(json(patched.body()).get("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(app.client().get("/customers/" + id).body()).isEqualTo(before);
    }

    @Test
    void emptyMergePatchChangesNothing() {
        long id = createCustomers(1).getFirst();
        String before = app.client().get("/customers/" + id).body();

        HttpResponse<String> patched = app.client().patch("/customers/" + id, "{}");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched.body())).isEqualTo(json(before));
    }

    @Test
    void patchIsAcceptedAsMergePatchMediaType() {
        long id = createCustomers(1).getFirst();

        HttpResponse<String> patched = app.client().send("PATCH", "/customers/" + id,
                BodyPublishers.ofString("{\"email\": \"ada@example.com\"}"), "application/merge-patch+json");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(json(patched.body()).get("email").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void surrogatePairEscapesAreStoredAsTheCharacterTheyEncode() {
        HttpResponse<String> created = app.client().post("/customers",
                "{\"email\": \"smile@example.com\", \"name\": \"Ada \\ud83d\\ude00\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(app.client().get("/customers/" + json(created.body()).get("id").asLong()).body())
                .get("name").asText()).isEqualTo("Ada \uD83D\uDE00");
    }

    @Test
    void patchOfUnknownCustomerIsNotFound() {
        assertThat(app.client().patch("/customers/42", "{\"name\": \"Nobody\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void patchToAnotherCustomersEmailConflicts() {
        List<Long> ids = createCustomers(2);

        HttpResponse<String> response = app.client().patch("/customers/" + ids.get(1), "{\"email\": \"Customer0@example.com\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(app.client().get("/customers/" + ids.get(1)).body()).get("email").asText())
                .isEqualTo("customer1@example.com");
    }

    @Test
    void deletedCustomerIsGone() {
        long id = createCustomers(1).getFirst();

        HttpResponse<String> deleted = app.client().delete("/customers/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(app.client().get("/customers/" + id).statusCode()).isEqualTo(404);
        assertThat(app.client().delete("/customers/" + id).statusCode()).isEqualTo(404);
    }

    private static List<Long> createCustomers(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"email\": \"customer" + i + "@example.com\", \"name\": \"Customer " + i + "\"}";
            HttpResponse<String> response = app.client().post("/customers", body);
            assertThat(response.statusCode()).isEqualTo(201);
            ids.add(json(response.body()).get("id").asLong());
        }
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
