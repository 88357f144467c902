package dev.multidb.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.testing.PostgresForClass;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A server frozen with SIGSTOP (PostgreSQL, an H2 TCP server): each Flyway command fails within its deadline. */
class HungMigrationTest {

    private static final List<DatabaseDescriptor> DATABASES = List.of(Database1.DESCRIPTOR);
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    // Roomier: H2's bound counts Flyway's client-side work too, which a loaded machine slows.
    private static final Duration H2_DEADLINE = Duration.ofSeconds(5);
    // Connecting is bounded by the deadline, then reading once more: two deadlines and scheduling slack.
    private static final Duration MARGIN = Duration.ofSeconds(3);

    @RegisterExtension
    static final PostgresForClass POSTGRES = new PostgresForClass();

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "info", "validate", "seed"})
    void commandAgainstAFrozenServerFailsWithinItsDeadlineOnOneLine(String command) throws Exception {
        Map<String, String> env = new HashMap<>(TestDatabases.env(data));
        env.put("DATABASE1_URL", POSTGRES.get().url());
        env.put("DATABASE1_USER", POSTGRES.get().user());
        env.put("DATABASE1_STATEMENT_TIMEOUT_MS", String.valueOf(DEADLINE.toMillis()));
        // Warm: the first Flyway run of a JVM loads its classes, which is not what the deadline bounds.
        assertThat(CliRun.run(DATABASES, env, "info", "-d", "database1").exitCode()).isZero();
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

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "info"})
    void commandAgainstAFrozenH2ServerFailsWithinItsDeadlineWithoutWaitingForIt(String command) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process h2 = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Server", "-tcp", "-tcpPort",
                String.valueOf(port), "-ifNotExists").redirectErrorStream(true).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(h2.getInputStream())).readLine())
                    .startsWith("TCP server running");
            Map<String, String> env = new HashMap<>(TestDatabases.env(data));
            env.put("DATABASE2_URL", "jdbc:h2:tcp://localhost:" + port + "/mem:hung;MODE=MSSQLServer");
            env.put("DATABASE2_USER", "sa");
            env.put("DATABASE2_STATEMENT_TIMEOUT_MS", String.valueOf(H2_DEADLINE.toMillis()));
            assertThat(CliRun.run(List.of(Database2.DESCRIPTOR), env, "info", "-d", "database2").err()).isEmpty();
            signal("STOP", List.of(h2.pid()));
            long start = System.nanoTime();
            CliRun run = CliRun.run(List.of(Database2.DESCRIPTOR), env, command, "-d", "database2");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("multidb: database2: " + command + " failed: the server did not answer"
                    + " within 5000 ms; check that the server at DATABASE2_URL is up and answering, or raise"
                    + " DATABASE2_STATEMENT_TIMEOUT_MS for a migration that runs longer\n");
            // The guard allows the deadline plus a second of Flyway's own work.
            assertThat(took).isLessThan(H2_DEADLINE.plus(Duration.ofSeconds(1)).plus(MARGIN));
        } finally {
            signal("CONT", List.of(h2.pid()));
            h2.destroy();
            h2.waitFor();
        }
    }

    private static List<Long> processes() {
        long postmaster = POSTGRES.get().postmasterPid();
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
