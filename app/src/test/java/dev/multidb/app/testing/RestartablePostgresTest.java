package dev.multidb.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartablePostgresTest {

    @TempDir
    Path tmp;

    @Test
    void aTestJvmThatFailsWithoutClosingLeavesNoServerAndNoFilesBehind() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                FailingTestProcess.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String[] started;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            started = out.readLine().split(" ");
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).isEqualTo(1);
        assertThat(Path.of(started[0])).startsWithRaw(tmp);
        assertThat(Files.exists(Path.of(started[0]))).isFalse();
        long postmaster = Long.parseLong(started[1]);
        assertThat(Poll.until(() -> !ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                Duration.ofSeconds(10))).isTrue();
    }
}
