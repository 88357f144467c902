package dev.multidb.app.embedded;

import static dev.multidb.app.TestDatabases.SAMPLE_ON_POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.config.DatabaseConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverPostmasterTest {

    @TempDir
    Path data;

    @Test
    void serverLeftRunningByAKilledAppIsStoppedAtTheNextStart() throws Exception {
        // Its own temp directory: a JVM killed with -9 never deletes the files it meant to delete on exit.
        Path tmp = Files.createDirectories(data.resolve("tmp"));
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                EmbeddedDefaultsProcess.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream()));
        assertThat(CompletableFuture.supplyAsync(() -> readLine(output)).get(60, TimeUnit.SECONDS))
                .isEqualTo("started");
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long leftover = Long.parseLong(Files.readAllLines(data.resolve("database1/postmaster.pid")).getFirst());
        assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDefaults embedded = EmbeddedDefaults.start(List.of(SAMPLE_ON_POSTGRES),
                ConfigLoader.load(TestDatabases.env(data)))) {
            DatabaseConfig database = embedded.config().database("database1");
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
