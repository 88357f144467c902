package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.Poll;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.app.testing.TestApp.Limits;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL's processes are frozen (SIGSTOP): connections stay open, nothing answers. Requests that need it
 * get their 503 within the statement deadline plus a second; database2 keeps answering; thawing recovers.
 */
class HungDatabaseTest {

    private static final Limits ONE_SECOND = new Limits(4, Duration.ofSeconds(1), Duration.ofSeconds(1), 4);

    @RegisterExtension
    static final RunningApp app = RunningApp.shared(ONE_SECOND);

    @Test
    void hungDatabase1AnswersWithinItsDeadlineAndRecoversWhenThawed() throws Exception {
        long customer = json(app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}").body())
                .get("id").asLong();
        long invoice = json(app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"1.00\", \"currency\": \"EUR\"}").body()).get("id").asLong();
        List<Long> frozen = postgresProcesses();
        signal("STOP", frozen);
        try {
            for (String path : List.of("/customers/" + customer, "/customers", "/customers/" + customer + "/summary")) {
                long start = System.nanoTime();
                HttpResponse<String> response = app.client().get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(app.client().post("/invoices/" + invoice + "/pay", "").statusCode()).isEqualTo(200);
        } finally {
            signal("CONT", frozen);
        }
        assertThat(Poll.until(() -> app.client().get("/customers/" + customer).statusCode() == 200, Duration.ofSeconds(20)))
                .isTrue();
    }

    private static List<Long> postgresProcesses() {
        long postmaster = app.postgres().postmasterPid();
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(String.valueOf(pid)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }
}
