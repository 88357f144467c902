package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.RunningApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpContractTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.shared();

    @Test
    void wrongMethodOnKnownPathIsNotAllowedWithAllow() {
        HttpResponse<String> response = app.client().send("PUT", "/customers/1", BodyPublishers.ofString("{}"), "application/json");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "PATCH", "DELETE"));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response.body()).get("status").asInt()).isEqualTo(405);
    }

    @Test
    void noContentAnswerCarriesNoContentType() {
        long id = json(app.client().post("/customers", "{\"email\": \"gone@example.com\", \"name\": \"Gone\"}").body())
                .get("id").asLong();

        HttpResponse<String> deleted = app.client().delete("/customers/" + id);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.headers().firstValue("Content-Type")).isEmpty();
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void getOnPayIsNotAllowed() {
        HttpResponse<String> response = app.client().get("/invoices/1/pay");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void unknownPathIsNotFoundAsProblem() {
        HttpResponse<String> response = app.client().get("/customers/1/orders");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response.body()).get("instance").asText()).isEqualTo("/customers/1/orders");
    }

    @Test
    void largestIdIsWellFormedAndSimplyNotFound() {
        assertThat(app.client().get("/customers/9223372036854775807").statusCode()).isEqualTo(404);
        assertThat(app.client().post("/invoices/9223372036854775807/pay", "").statusCode()).isEqualTo(404);
    }

    @Test
    void bodyStreamedPastTheLimitWithoutLengthIsTooLarge() {
        InputStream chunks = new ByteArrayInputStream(("{\"name\": \"" + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = app.client().send("POST", "/customers", BodyPublishers.ofInputStream(() -> chunks),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void bodyOfExactlyTheLimitIsRead() {
        String name = "\"name\": \"Ada\", \"email\": \"limit@example.com\"";
        String padded = "{" + name + " ".repeat(JsonBody.MAX_BYTES - name.length() - 2) + "}";

        HttpResponse<String> response = app.client().post("/customers", padded);

        assertThat(padded).hasSize(JsonBody.MAX_BYTES);
        assertThat(response.statusCode()).isEqualTo(201);
        app.client().delete("/customers/" + json(response.body()).get("id").asLong());
    }

    @Test
    void malformedPercentEncodingIsBadRequestAsProblem() throws IOException {
        String response = raw("GET /customers?limit=%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("application/problem+json");
    }

    @Test
    void malformedPathEncodingIsBadRequestAsProblem() throws IOException {
        String response = raw("GET /customers/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("application/problem+json");
    }

    @Test
    void pathParameterAfterSemicolonIsNotAnId() throws IOException {
        String response = raw("GET /customers/1;x=2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response).contains("application/problem+json");
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", app.client().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
