package dev.multidb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.testing.RestartablePostgres;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Database1;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL frozen with SIGSTOP: each Flyway command fails within the statement deadline plus a margin. */
class HungMigrationTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR);
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    // Connecting is bounded by the deadline, then reading once more: two deadlines and scheduling slack.
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private static RestartablePostgres postgres;

    @TempDir
    Path data;

    @BeforeAll
    static void start() {
        postgres = RestartablePostgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "info", "validate", "seed"})
    void commandAgainstAFrozenServerFailsWithinItsDeadlineOnOneLine(String command) throws Exception {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("DATABASE1_URL", postgres.url());
        env.put("DATABASE1_USER", postgres.user());
        env.put("DATABASE1_STATEMENT_TIMEOUT_MS", String.valueOf(DEADLINE.toMillis()));
        List<Long> frozen = processes();
        signal("STOP", frozen);
        CliRun run;
        Duration took;
        try {
            long start = System.nanoTime();
            run = CliRun.run(DATABASES, env, command, "-d", "database1");
            took = Duration.ofNanos(System.nanoTime() - start);
        } finally {
            signal("CONT", frozen);
        }

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("multidb: database1: " + command + " failed: the server did not answer within"
                + " 1000 ms; check that the server at DATABASE1_URL is up and answering, or raise"
                + " DATABASE1_STATEMENT_TIMEOUT_MS for a migration that runs longer\n");
        assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
    }

    private static List<Long> processes() {
        long postmaster = postgres.postmasterPid();
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    // The postmaster must take the signal; a backend may have ended since it was listed.
    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            int code = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (pid == pids.getFirst()) {
                assertThat(code).isZero();
            }
        }
    }
}
