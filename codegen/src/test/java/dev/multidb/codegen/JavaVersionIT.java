package dev.multidb.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build's own JDK check, run by a real Maven on a JDK that is too old, when this machine has one. */
class JavaVersionIT {

    @Test
    void anOldJdkIsRefusedSayingWhatToInstallNotAPathOfOneMachine() throws Exception {
        assumeTrue(MavenFixture.available(), "runs in the integration-test phase, once the plugin and core jars exist (-pl codegen -am)");
        Optional<Path> jdk17 = jdk17();
        assumeTrue(jdk17.isPresent(), "no JDK 17 under /usr/lib/jvm to run the check on");

        MavenFixture.Build build = MavenFixture.copy("shop", "old-jdk").mvnOn(jdk17.get(), "validate");

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.lines()).filteredOn(line -> line.contains("multidb needs JDK")).isNotEmpty()
                .allMatch(line -> line.matches(".*multidb needs JDK 21 or newer and this build runs on Java 17[.0-9]*: install one"
                        + " \\(e\\.g\\. Temurin 21 from adoptium\\.net\\) and set JAVA_HOME to it\\."));
    }

    private static Optional<Path> jdk17() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> home.getFileName().toString().contains("17"))
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .findFirst();
        }
    }
}
