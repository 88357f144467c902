package dev.multidb.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes files from a module's {@code target/classes/db/<module>/} that are gone from its sources: Maven's
 * resources step copies but never deletes, so a deleted migration would otherwise still ship in the jar.
 */
final class StaleResources {

    private StaleResources() {
    }

    /** Deletes every file under {@code output} with no file at the same relative path under {@code source}. */
    static List<Path> prune(Path source, Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(output)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path file : files) {
            Path relative = output.relativize(file);
            if (!Files.isRegularFile(source.resolve(relative.toString()))) {
                Files.delete(file);
                removed.add(relative);
            }
        }
        deleteEmptyFolders(output);
        return removed;
    }

    private static void deleteEmptyFolders(Path output) throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(output)) {
            folders = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path folder : folders) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isEmpty() && !folder.equals(output)) {
                    Files.delete(folder);
                }
            }
        }
    }
}
