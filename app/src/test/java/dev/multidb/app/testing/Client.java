package dev.multidb.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Map;

/** A plain java.net.http client for one running app. */
public final class Client {

    private static final long OVERSIZED = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;
    private final String base;
    private final OpenApiContract contract; // null: answers are not checked

    Client(int port, OpenApiContract contract) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.contract = contract;
    }

    /** A client for an app a test started itself, its answers checked against the OpenAPI document too. */
    public static Client of(int port) {
        return new Client(port, OpenApiContract.get());
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody(), null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send("POST", path, BodyPublishers.ofString(json), "application/json");
    }

    public HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, BodyPublishers.ofString(json), "application/json");
    }

    /** A POST of {@code json} with one more header, such as an Idempotency-Key. */
    public HttpResponse<String> post(String path, String json, String header, String value) {
        return send("POST", path, BodyPublishers.ofString(json), "application/json", Map.of(header, value));
    }

    public HttpResponse<String> send(String method, String path, BodyPublisher body, String contentType) {
        return send(method, path, body, contentType, Map.of());
    }

    public HttpResponse<String> send(String method, String path, BodyPublisher body, String contentType,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, body);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        // A server refusing an oversized body by its Content-Length answers and closes without reading it;
        // a client still writing then races the close. Asking first makes the refusal arrive before the body.
        if (body.contentLength() > OVERSIZED) {
            request.expectContinue(true);
        }
        try {
            return checked(method, http.send(request.build(), BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with one more header, such as a Consistency-Token. */
    public HttpResponse<String> get(String path, String header, String value) {
        return send("GET", path, BodyPublishers.noBody(), null, Map.of(header, value));
    }

    // Every answer an API test receives is also a check of the OpenAPI document.
    private HttpResponse<String> checked(String method, HttpResponse<String> response) {
        if (contract != null) {
            List<String> violations = contract.violations(method, response);
            if (!violations.isEmpty()) {
                throw new AssertionError("the answer breaks openapi.json:\n" + String.join("\n", violations));
            }
        }
        return response;
    }
}
