package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.Client;
import dev.multidb.app.testing.TestApp;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed request gets its 4xx as problem+json, names what is wrong, leaks nothing and writes nothing. */
class BadInputTest {

    record Case(String method, String path, String contentType, String body, int status, String field) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " " + (body.length() > 60 ? body.substring(0, 60) + "..." : body);
            return method + " " + path + " [" + contentType + "]" + shown + " -> " + status;
        }
    }

    private static final String JSON = "application/json";
    private static final String VALID_CUSTOMER = "\"email\": \"new@example.com\", \"name\": \"New\"";
    private static final String VALID_INVOICE = "\"amount\": \"1.00\", \"currency\": \"EUR\"";

    private static TestApp app;
    private static Client client;
    private static String snapshot;

    @BeforeAll
    static void startApp() {
        app = TestApp.start();
        client = app.client();
        app.truncate();
        client.post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}");
        client.post("/customers/1/invoices", "{" + VALID_INVOICE + "}");
        snapshot = snapshot();
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @BeforeEach
    void dataIsAsSetUp() {
        assertThat(snapshot()).isEqualTo(snapshot);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badRequestIsRefusedAsProblemAndChangesNothing(Case bad) {
        HttpResponse<String> response = client.send(bad.method(), bad.path(),
                bad.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(bad.body()), bad.contentType());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(bad.status());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).startsWith("/");
        if (bad.field() != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(bad.field());
        }
        assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContain("java.", "org.",
                "jooq", "jdbc", "select ", "insert ", "\tat ");
        assertThat(snapshot()).isEqualTo(snapshot);
    }

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        bodies(cases);
        customerFields(cases);
        invoiceFields(cases);
        ids(cases);
        queryParameters(cases);
        return cases.stream();
    }

    private static void bodies(List<Case> cases) {
        for (String body : List.of("{", "[]", "[{" + VALID_CUSTOMER + "}]", "\"text\"", "42", "null", "",
                "{" + VALID_CUSTOMER + "} {}", "{" + VALID_CUSTOMER + ",}", "{'email': 'a@b.co'}",
                "{\"email\": \"a@b.co\", \"name\": \"A\u0001B\"}")) {
            cases.add(new Case("POST", "/customers", JSON, body, 400, "body"));
        }
        cases.add(new Case("POST", "/customers", "text/plain", "{" + VALID_CUSTOMER + "}", 415, null));
        cases.add(new Case("POST", "/customers", "application/xml", "<customer/>", 415, null));
        cases.add(new Case("POST", "/customers", null, "{" + VALID_CUSTOMER + "}", 415, null));
        cases.add(new Case("POST", "/customers", "application/json; charset=latin1", "{" + VALID_CUSTOMER + "}", 415, null));
        cases.add(new Case("PATCH", "/customers/1", "text/plain", "{\"name\": \"X\"}", 415, null));
        cases.add(new Case("PATCH", "/customers/1", "application/json-patch+json", "[]", 415, null));
        cases.add(new Case("POST", "/customers/1/invoices", "application/x-www-form-urlencoded", "amount=1", 415, null));
        String huge = "{\"email\": \"big@example.com\", \"name\": \"" + "x".repeat(70_000) + "\"}";
        cases.add(new Case("POST", "/customers", JSON, huge, 413, null));
        cases.add(new Case("PATCH", "/customers/1", JSON, huge, 413, null));
    }

    private static void customerFields(List<Case> cases) {
        String name = "\"name\": \"New\"";
        String email = "\"email\": \"new@example.com\"";
        customer(cases, "email", "\"email\": 5, " + name);
        customer(cases, "email", "\"email\": null, " + name);
        customer(cases, "email", name);
        customer(cases, "email", "\"email\": \"\", " + name);
        customer(cases, "email", "\"email\": \"   \", " + name);
        customer(cases, "email", "\"email\": \"no-at.example.com\", " + name);
        customer(cases, "email", "\"email\": \"two@@example.com\", " + name);
        customer(cases, "email", "\"email\": \"a@b@example.com\", " + name);
        customer(cases, "email", "\"email\": \"@example.com\", " + name);
        customer(cases, "email", "\"email\": \"ada@localhost\", " + name);
        customer(cases, "email", "\"email\": \"ada lovelace@example.com\", " + name);
        customer(cases, "email", "\"email\": \"ada@example.com\\n\", " + name);
        customer(cases, "email", "\"email\": \"ada\\u0000@example.com\", " + name);
        customer(cases, "email", "\"email\": \"" + "a".repeat(250) + "@example.com\", " + name);
        customer(cases, "email", "\"email\": \"x' OR '1'='1\", " + name);
        customer(cases, "email", "\"email\": \"a@b.co; DROP TABLE customer; --\", " + name);
        customer(cases, "email", "\"email\": [\"ada@example.com\"], " + name);
        customer(cases, "email", "\"email\": {\"value\": \"ada@example.com\"}, " + name);
        customer(cases, "email", "\"email\": \"a@b.co\", \"email\": \"c@d.co\", " + name);
        customer(cases, "name", email + ", \"name\": \"\"");
        customer(cases, "name", email + ", \"name\": \"  \\t \"");
        customer(cases, "name", email + ", \"name\": null");
        customer(cases, "name", email + ", \"name\": true");
        customer(cases, "name", email + ", \"name\": 12.5");
        customer(cases, "name", email + ", \"name\": \"" + "n".repeat(201) + "\"");
        customer(cases, "name", email + ", \"name\": \"Ada\\u007f\"");
        customer(cases, "name", email + ", \"name\": \"Ada\\u001b[31m\"");
        for (String lone : List.of("a\\ud800b", "a\\udc00b", "\\udc00\\ud800", "ab\\ud800")) {
            customer(cases, "name", email + ", \"name\": \"" + lone + "\"");
            customer(cases, "email", "\"email\": \"ad" + lone + "@example.com\", " + name);
            cases.add(new Case("PATCH", "/customers/1", JSON, "{\"name\": \"" + lone + "\"}", 400, "name"));
        }
        // Jackson refuses a lone surrogate in a key while reading it: the body, not a field, is what is wrong.
        customer(cases, "body", VALID_CUSTOMER + ", \"x\\ud800\": 1");
        for (String owned : List.of("id", "createdAt", "status", "customerId")) {
            customer(cases, owned, VALID_CUSTOMER + ", \"" + owned + "\": 1");
        }
        customer(cases, "nickname", VALID_CUSTOMER + ", \"nickname\": \"A\"");
        customer(cases, "Email", "\"Email\": \"new@example.com\", " + name);
        cases.add(new Case("PATCH", "/customers/1", JSON, "{\"name\": null}", 400, "name"));
        cases.add(new Case("PATCH", "/customers/1", JSON, "{\"email\": null, \"name\": \"X\"}", 400, "email"));
        cases.add(new Case("PATCH", "/customers/1", "application/merge-patch+json", "{\"email\": null}", 400, "email"));
        for (String patch : List.of("{\"id\": 2}", "{\"name\": \"\"}", "{\"email\": \"bad\"}", "{\"name\": 5}",
                "{\"nickname\": \"A\"}", "{\"name\": \"A\", \"name\": \"B\"}", "{\"createdAt\": \"2020-01-01T00:00:00Z\"}")) {
            cases.add(new Case("PATCH", "/customers/1", JSON, patch, 400, null));
        }
    }

    private static void customer(List<Case> cases, String field, String members) {
        cases.add(new Case("POST", "/customers", JSON, "{" + members + "}", 400, field));
    }

    private static void invoiceFields(List<Case> cases) {
        String eur = "\"currency\": \"EUR\"";
        for (String amount : List.of("12.5", "1e3", "\"1e3\"", "\"-1\"", "\"+1\"", "\"0\"", "\"0.00\"", "\"1.23456\"",
                "\"1234567890123456\"", "\"1234567890123456.5\"", "\"\"", "\" 1.00\"", "\"1,50\"", "\".5\"", "\"5.\"",
                "\"NaN\"", "\"Infinity\"", "\"0x10\"", "\"١٢\"", "null", "true", "[\"1.00\"]",
                "\"1; DROP TABLE invoice\"", "\"1' OR '1'='1\"")) {
            invoice(cases, "amount", "\"amount\": " + amount + ", " + eur);
        }
        invoice(cases, "amount", eur);
        String amount = "\"amount\": \"1.00\"";
        for (String currency : List.of("\"eur\"", "\"EU\"", "\"EURO\"", "\"XXY\"", "\"\"", "\"E1R\"", "978", "null",
                "\"EUR'--\"", "\" EUR\"")) {
            invoice(cases, "currency", amount + ", \"currency\": " + currency);
        }
        for (String owned : List.of("customerId", "status", "id", "issuedAt")) {
            invoice(cases, owned, VALID_INVOICE + ", \"" + owned + "\": \"1\"");
        }
        invoice(cases, "currency", amount + ", \"currency\": \"EU\\ud800\"");
        invoice(cases, "note", VALID_INVOICE + ", \"note\": \"x\"");
    }

    private static void invoice(List<Case> cases, String field, String members) {
        cases.add(new Case("POST", "/customers/1/invoices", JSON, "{" + members + "}", 400, field));
    }

    private static void ids(List<Case> cases) {
        for (String id : List.of("-1", "0", "1.5", "abc", "9223372036854775808", "18446744073709551616", "+1", "0x1",
                "1e3", "%20", "1%20", "1%27%20OR%201=1", "1;DROP%20TABLE%20customer", "%C2%B9", "%D9%A1")) {
            cases.add(new Case("GET", "/customers/" + id, null, null, 400, "id"));
            cases.add(new Case("PATCH", "/customers/" + id, JSON, "{\"name\": \"X\"}", 400, "id"));
            cases.add(new Case("DELETE", "/customers/" + id, null, null, 400, "id"));
            cases.add(new Case("GET", "/customers/" + id + "/invoices", null, null, 400, "id"));
            cases.add(new Case("POST", "/customers/" + id + "/invoices", JSON, "{" + VALID_INVOICE + "}", 400, "id"));
            cases.add(new Case("GET", "/customers/" + id + "/summary", null, null, 400, "id"));
            cases.add(new Case("POST", "/invoices/" + id + "/pay", null, null, 400, "id"));
            cases.add(new Case("GET", "/invoices/" + id, null, null, 400, "id"));
        }
    }

    private static void queryParameters(List<Case> cases) {
        for (String limit : List.of("0", "501", "-1", "abc", "", "1.5", "1e2", "9223372036854775808", "50%27%20OR%201=1",
                "10;DROP")) {
            cases.add(new Case("GET", "/customers?limit=" + limit, null, null, 400, "limit"));
        }
        cases.add(new Case("GET", "/customers?limit=5&limit=6", null, null, 400, "limit"));
        for (String after : List.of("0", "-1", "abc", "", "9223372036854775808", "1%20OR%201=1")) {
            cases.add(new Case("GET", "/customers?after=" + after, null, null, 400, "after"));
        }
        for (String status : List.of("OPEN", "closed", "", "open%27%20OR%20%271%27=%271", "open,paid")) {
            cases.add(new Case("GET", "/customers/1/invoices?status=" + status, null, null, 400, "status"));
        }
    }

    private static String snapshot() {
        return client.get("/customers?limit=500").body() + client.get("/customers/1/invoices").body();
    }
}
