package dev.multidb.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleResourcesTest {

    @TempDir
    Path work;

    @Test
    void filesGoneFromTheSourcesAreRemovedFromTheOutputAndTheRestStay() throws IOException {
        Path source = work.resolve("src");
        Path output = work.resolve("classes");
        write(source, "migration/V1__create.sql", "migration/V2__more.sql", "seed/R__sample.sql");
        write(output, "migration/V1__create.sql", "migration/V2__more.sql", "migration/V3__broken.sql",
                "seed/R__sample.sql", "old/V9__moved.sql");

        List<Path> removed = StaleResources.prune(source, output);

        assertThat(removed).containsExactly(Path.of("migration/V3__broken.sql"), Path.of("old/V9__moved.sql"));
        assertThat(files(output)).containsExactly("migration/V1__create.sql", "migration/V2__more.sql",
                "seed/R__sample.sql");
        assertThat(output.resolve("old")).doesNotExist();
    }

    @Test
    void aMissingOutputFolderIsNothingToDo() throws IOException {
        assertThat(StaleResources.prune(work.resolve("src"), work.resolve("classes"))).isEmpty();
    }

    private static void write(Path root, String... files) throws IOException {
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "select 1;");
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
