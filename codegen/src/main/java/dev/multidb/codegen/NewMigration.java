package dev.multidb.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the next versioned migration file, {@code V<next>__<name>.sql}. Versions are whole numbers: next is
 * the highest leading number in the folder plus one (a {@code V1_1} or {@code V1.1} counts as 1).
 */
final class NewMigration {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");

    private NewMigration() {
    }

    /** Creates the file with a one-line header and returns it; refuses a name outside {@code [a-z0-9_]+}. */
    static Path create(Path folder, String name, LocalDate today) throws IOException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("codegen: new-migration needs a name: add -Dname=<what_it_does>,"
                    + " e.g. -Dname=add_phone.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("codegen: migration name '" + name + "' may hold only lower-case"
                    + " letters, digits and _ ([a-z0-9_]+), e.g. -Dname=add_phone.");
        }
        long next = highestVersion(folder) + 1;
        Files.createDirectories(folder);
        Path file = folder.resolve("V" + next + "__" + name + ".sql");
        String header = "-- " + name + " (V" + next + ", written " + today
                + "): applied once, in version order; never edit it after it reached a shared database.\n";
        // createFile, not write: two runs at once must not both claim the same version.
        Files.writeString(Files.createFile(file), header);
        return file;
    }

    static long highestVersion(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToLong(m -> Long.parseLong(m.group(1)))
                    .max().orElse(0);
        }
    }
}
