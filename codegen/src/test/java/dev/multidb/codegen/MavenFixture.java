package dev.multidb.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A fixture project from {@code src/it}, built by a real Maven (the one running this build) with the codegen
 * plugin this build packaged. The plugin and the parent pom go into a local repository of their own under
 * {@code target/}; everything else is read from the user's repository as a read-only tail, so nothing is
 * downloaded and {@code ~/.m2} is never written.
 */
final class MavenFixture {

    /** What one Maven run printed and how it ended. */
    record Build(int exitCode, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }

    private static final Path TARGET = Path.of(System.getProperty("codegen.target", "target"));
    private static final String VERSION = System.getProperty("codegen.version", "");

    private final Path project;

    private MavenFixture(Path project) {
        this.project = project;
    }

    /** True when the surefire execution that runs after {@code package} handed over Maven and the plugin. */
    static boolean available() {
        return System.getProperty("maven.home") != null
                && Files.isRegularFile(TARGET.resolve("codegen-" + VERSION + ".jar"))
                && Files.isRegularFile(coreJar());
    }

    /** A fresh copy of fixture {@code name} under {@code target/it-projects/<copy>}. */
    static MavenFixture copy(String name, String copy) throws IOException {
        installPlugin();
        Path from = Path.of("src/it", name);
        Path to = TARGET.resolve("it-projects").resolve(copy);
        Folders.delete(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.writeString(dest, Files.readString(source).replace("@project.version@", VERSION));
                }
            }
        }
        return new MavenFixture(to);
    }

    Path path(String relative) {
        return project.resolve(relative);
    }

    Build mvn(String... args) throws IOException, InterruptedException {
        return mvnOn(Path.of(System.getProperty("java.home")), args);
    }

    /** Runs Maven on the given JDK. */
    Build mvnOn(Path javaHome, String... args) throws IOException, InterruptedException {
        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-o", "-B", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + repository().toAbsolutePath(),
                "-Dmaven.repo.local.tail=" + System.getProperty("user.repository")));
        command.addAll(List.of(args));
        Path log = project.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the fixture build did not end within 5 minutes; see " + log);
        }
        return new Build(process.exitValue(), Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    private static Path repository() {
        return TARGET.resolve("it-repository");
    }

    // The plugin's own module dependency, as the reactor (or -am) built it.
    private static Path coreJar() {
        return Path.of("../core/target/core-" + VERSION + ".jar");
    }

    // What `install` would do for the plugin, core and their parent, into the fixture's own repository.
    private static synchronized void installPlugin() throws IOException {
        Path plugin = Files.createDirectories(repository().resolve("dev/multidb/codegen/" + VERSION));
        Files.copy(TARGET.resolve("codegen-" + VERSION + ".jar"), plugin.resolve("codegen-" + VERSION + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("pom.xml"), plugin.resolve("codegen-" + VERSION + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        Path core = Files.createDirectories(repository().resolve("dev/multidb/core/" + VERSION));
        Files.copy(coreJar(), core.resolve("core-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of("../core/pom.xml"), core.resolve("core-" + VERSION + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        Path parent = Files.createDirectories(repository().resolve("dev/multidb/multidb-parent/" + VERSION));
        Files.copy(Path.of("../pom.xml"), parent.resolve("multidb-parent-" + VERSION + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
