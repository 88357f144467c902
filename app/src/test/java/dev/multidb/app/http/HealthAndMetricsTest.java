package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthAndMetricsTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.shared();

    @Test
    void liveAnswersWhileTheProcessRuns() {
        HttpResponse<String> response = app.client().get("/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void readyListsEachDatabaseWithEngineLatencyAndSchemaVersion() {
        HttpResponse<String> response = app.client().get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        JsonNode database1 = body.get("databases").get("database1");
        assertThat(database1.get("status").asText()).isEqualTo("UP");
        assertThat(database1.get("engine").asText()).isEqualTo("postgresql");
        assertThat(database1.get("latencyMs").isIntegralNumber()).isTrue();
        assertThat(database1.get("schemaVersion").asText()).isEqualTo(Database1.DESCRIPTOR.schemaVersion());
        JsonNode database2 = body.get("databases").get("database2");
        assertThat(database2.get("engine").asText()).isEqualTo("h2");
        assertThat(database2.get("schemaVersion").asText()).isEqualTo(Database2.DESCRIPTOR.schemaVersion());
    }

    @Test
    void readyForOneDatabaseAnswersForThatDatabaseAlone() {
        HttpResponse<String> response = app.client().get("/health/ready/database2");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("engine").asText()).isEqualTo("h2");
        assertThat(body.get("schemaVersion").asText()).isEqualTo(Database2.DESCRIPTOR.schemaVersion());
    }

    @Test
    void readyForAnUnknownDatabaseIsNotFoundAsProblem() {
        HttpResponse<String> response = app.client().get("/health/ready/database9");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response.body()).get("detail").asText())
                .isEqualTo("no database is named database9; known: database1, database2");
    }

    @Test
    void metricsExposeRequestTimingsByRouteAndStatus() {
        app.client().get("/customers/424242");

        HttpResponse<String> metrics = app.client().get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"404\"[^}]*uri=\"/customers/\\{id}\"");
        assertThat(metrics.body()).doesNotContain("uri=\"/customers/424242\"");
    }

    @Test
    void metricsExposeEveryConnectionPool() {
        String metrics = app.client().get("/metrics").body();

        assertThat(metrics).contains("hikaricp_connections{pool=\"database1\"}", "hikaricp_connections{pool=\"database2\"}");
        assertThat(metrics).contains("hikaricp_connections_timeout_total{pool=\"database1\"}");
    }
}
