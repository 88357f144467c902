package dev.multidb.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A digest of everything generated code depends on: every migration file (name and content), the
 * plugin configuration and the tool versions. Equal fingerprints mean generation would give the same output.
 */
public record Fingerprint(String value) {

    static final String FILE_NAME = ".codegen-fingerprint";

    static Fingerprint of(Path migrations, List<String> settings) {
        MessageDigest digest = sha256();
        for (String setting : settings) {
            update(digest, setting.getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : migrationFiles(migrations)) {
            update(digest, migrations.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            update(digest, read(file));
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    /** The fingerprint stored beside the generated sources, if any. */
    static Optional<Fingerprint> storedIn(Path outputDirectory) {
        Path file = outputDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Fingerprint(Files.readString(file).trim()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void storeIn(Path outputDirectory) throws IOException {
        Files.writeString(outputDirectory.resolve(FILE_NAME), value + "\n");
    }

    static void deleteIn(Path outputDirectory) throws IOException {
        Files.deleteIfExists(outputDirectory.resolve(FILE_NAME));
    }

    static List<Path> migrationFiles(Path migrations) {
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(migrations)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migrations in " + migrations, e);
        }
    }

    // Length-prefixed so that ("ab", "c") and ("a", "bc") differ.
    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
