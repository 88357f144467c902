package dev.multidb.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugin's goals run by a real Maven on the fixture project src/it/shop. */
class GenerateGoalIT {

    private static final String MIGRATIONS = "target/classes/db/shop/migration";

    @BeforeAll
    static void pluginIsPackaged() {
        assumeTrue(MavenFixture.available(), "runs in the integration-test phase, once the plugin and core jars exist (-pl codegen -am)");
    }

    @Test
    void aForcedGenerationOnEmbeddedPostgresPrintsCodegensOwnLinesOnly() throws Exception {
        MavenFixture shop = MavenFixture.copy("shop", "quiet");

        MavenFixture.Build build = shop.mvn("generate-sources", "-Dcodegen.force=true", "-Dfixture.engine=postgresql");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(goalLines(build)).as(build.output()).hasSize(3).allMatch(line -> line.startsWith("[INFO] codegen: "));
        assertThat(shop.path("target/generated-sources/jooq/dev/multidb/shop/jooq/tables/Item.java")).exists();
    }

    @Test
    void aDeletedMigrationIsGoneFromClassesAndTheJarAfterARebuildWithoutClean() throws Exception {
        MavenFixture shop = MavenFixture.copy("shop", "stale");
        assertThat(shop.mvn("process-resources").exitCode()).isZero();
        assertThat(shop.path(MIGRATIONS + "/V2__add_price.sql")).exists();
        Files.delete(shop.path("src/main/resources/db/shop/migration/V2__add_price.sql"));

        MavenFixture.Build rebuild = shop.mvn("package", "-DskipTests");

        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        try (Stream<java.nio.file.Path> files = Files.list(shop.path(MIGRATIONS))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("V1__create_item.sql");
        }
        try (JarFile jar = new JarFile(shop.path("target/shop-" + System.getProperty("codegen.version") + ".jar")
                .toFile())) {
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".sql")))
                    .containsExactly("db/shop/migration/V1__create_item.sql");
        }
    }

    @Test
    void anUnknownEngineFailsTheBuildWithOneLineNamingTheSetting() throws Exception {
        MavenFixture.Build build = MavenFixture.copy("shop", "engine").mvn("generate-sources", "-Dfixture.engine=oracle");

        assertThat(build.exitCode()).isNotZero();
        assertThat(errorLines(build)).first().asString().endsWith(": codegen: unknown engine 'oracle'."
                + " Set the plugin's <engine> to one of [postgresql, sqlserver]. -> [Help 1]");
        assertThat(build.output()).doesNotContain("IllegalArgumentException");
    }

    @Test
    void anUnknownProviderFailsTheBuildWithOneLineNamingTheSetting() throws Exception {
        MavenFixture.Build build = MavenFixture.copy("shop", "provider").mvn("generate-sources", "-Dcodegen.provider=docker");

        assertThat(build.exitCode()).isNotZero();
        assertThat(errorLines(build)).first().asString().endsWith(": codegen: unknown provider 'docker'."
                + " Set -Dcodegen.provider (or the plugin's <provider>) to one of [embedded, testcontainers, url, auto]."
                + " -> [Help 1]");
        assertThat(build.output()).doesNotContain("IllegalArgumentException");
    }

    @Test
    void newMigrationWritesTheNextVersionIntoTheModulesMigrationFolder() throws Exception {
        MavenFixture shop = MavenFixture.copy("shop", "new-migration");

        MavenFixture.Build build = shop.mvn("dev.multidb:codegen:" + System.getProperty("codegen.version")
                + ":new-migration", "-Dname=add_phone");

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(Files.readString(shop.path("src/main/resources/db/shop/migration/V3__add_phone.sql")))
                .startsWith("-- add_phone (V3, written ");
    }

    @Test
    void newMigrationRefusesABadNameWithOneLineAndWritesNothing() throws Exception {
        MavenFixture shop = MavenFixture.copy("shop", "bad-name");

        MavenFixture.Build build = shop.mvn("dev.multidb:codegen:" + System.getProperty("codegen.version")
                + ":new-migration", "-Dname=Add-Phone");

        assertThat(build.exitCode()).isNotZero();
        assertThat(errorLines(build)).first().asString().endsWith(": codegen: migration name 'Add-Phone' may hold"
                + " only lower-case letters, digits and _ ([a-z0-9_]+), e.g. -Dname=add_phone. -> [Help 1]");
        try (Stream<java.nio.file.Path> files = Files.list(shop.path("src/main/resources/db/shop/migration"))) {
            assertThat(files).hasSize(2);
        }
    }

    // The lines the generate goal printed: after its "--- codegen:...:generate" header, up to the next header.
    private static List<String> goalLines(MavenFixture.Build build) {
        List<String> lines = build.lines();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("--- codegen:") && lines.get(i).contains(":generate")) {
                start = i + 1;
            }
        }
        assertThat(start).as(build.output()).isPositive();
        int end = start;
        while (end < lines.size() && !lines.get(end).startsWith("[INFO] ---") && !lines.get(end).contains("BUILD ")) {
            end++;
        }
        return lines.subList(start, end).stream().filter(line -> !line.isBlank() && !line.equals("[INFO] ")).toList();
    }

    private static List<String> errorLines(MavenFixture.Build build) {
        return build.lines().stream().filter(l -> l.startsWith("[ERROR] Failed to execute goal")).toList();
    }
}
