package dev.multidb.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.codegen.CodeGeneration.Outcome;
import dev.multidb.codegen.engines.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's flow against a real embedded PostgreSQL and a real H2. */
class CodeGenerationTest {

    // Nothing listens here: a run that tried to reach it would fail, so success proves no database was used.
    private static final Provider.Connection NOWHERE =
            new Provider.Connection("jdbc:postgresql://127.0.0.1:1/nowhere", "nobody", "");

    @TempDir
    Path work;

    private final List<String> log = new ArrayList<>();

    @Test
    void sampleMigrationsGenerateClassesThatCompile() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key, title text not null);",
                "V2__add_author.sql", "alter table book add column author text;");

        Outcome outcome = generate(Engine.byId("postgresql"), Provider.EMBEDDED, migrations, false);

        assertThat(outcome).isEqualTo(Outcome.GENERATED);
        Path tables = output().resolve("org/example/jooq/tables/Book.java");
        assertThat(tables).exists();
        assertThat(Files.readString(tables)).contains("AUTHOR").doesNotContain("\"public\"");
        assertThat(Files.readString(output().resolve("org/example/jooq/SchemaVersion.java")))
                .contains("LATEST = \"2\"");
        assertThat(compile(output())).isEqualTo(0);
    }

    @Test
    void unchangedInputsAreUpToDateWithoutStartingADatabase() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);
        log.clear();

        Outcome second = generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);

        assertThat(second).isEqualTo(Outcome.UP_TO_DATE);
        assertThat(log).singleElement().asString().contains("up to date");
    }

    @Test
    void switchingFromTheEmbeddedH2ToARealSqlServerChangesTheFingerprint() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        CodeGeneration.Request embedded = request(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);
        CodeGeneration.Request server = new CodeGeneration.Request(embedded.engine(), Provider.URL, true,
                new Provider.Connection("jdbc:sqlserver://db.example:1433;databaseName=app", "sa", ""),
                migrations, output(), generator(), false, embedded.versions());

        assertThat(CodeGeneration.fingerprint(server, Provider.URL))
                .isNotEqualTo(CodeGeneration.fingerprint(embedded, Provider.EMBEDDED));
    }

    @Test
    void switchingTheProviderRegenerates() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);
        Provider.Connection otherH2 = new Provider.Connection(
                "jdbc:h2:mem:codegen-test-other;MODE=MSSQLServer;DB_CLOSE_DELAY=-1", "sa", "");

        Outcome second = new CodeGeneration(log::add).run(new CodeGeneration.Request(Engine.byId("sqlserver"),
                Provider.URL, true, otherH2, migrations, output(), generator(), false, List.of("jooq=test")));

        assertThat(second).isEqualTo(Outcome.GENERATED);
    }

    @Test
    void failedRegenerationLeavesNeitherFingerprintNorSourcesSoTheNextBuildRegenerates() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);
        Files.writeString(migrations.resolve("V2__broken.sql"), "create tabel oops (id int);");

        assertThatThrownBy(() -> generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, true))
                .hasMessageContaining("V2__broken.sql");
        Files.delete(migrations.resolve("V2__broken.sql"));

        assertThat(output()).doesNotExist();
        assertThat(generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false))
                .isEqualTo(Outcome.GENERATED);
    }

    @Test
    void changedMigrationRegenerates() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);
        Files.writeString(migrations.resolve("V1__create_book.sql"),
                "create table book (id bigint primary key, isbn varchar(13));");

        Outcome second = generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);

        assertThat(second).isEqualTo(Outcome.GENERATED);
        assertThat(Files.readString(output().resolve("org/example/jooq/tables/Book.java"))).contains("ISBN");
    }

    @Test
    void forceRegeneratesUnchangedInputs() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);

        assertThat(generate(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, true)).isEqualTo(Outcome.GENERATED);
    }

    @Test
    void brokenMigrationFailsNamingTheFileTheLineAndTheEnginesMessage() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);",
                "V2__broken.sql", "-- a comment\ncreate table author (id bigint primary key);\ncreate tabel oops (id int);");

        assertThatThrownBy(() -> generate(Engine.byId("postgresql"), Provider.EMBEDDED, migrations, false))
                .hasMessageContaining("V2__broken.sql")
                .hasMessageContaining("line 3")
                .hasMessageContaining("syntax error at or near \"tabel\"");
        assertThat(Fingerprint.storedIn(output())).isEmpty();
    }

    @Test
    void fingerprintChangesWithGeneratorConfiguration() throws Exception {
        Path migrations = migrations("V1__create_book.sql", "create table book (id bigint primary key);");
        CodeGeneration.Request one = request(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false);
        Generator other = generator().withTarget(new Target().withPackageName("org.example.other"));
        CodeGeneration.Request two = new CodeGeneration.Request(one.engine(), one.provider(), false, NOWHERE,
                migrations, output(), other, false, one.versions());

        assertThat(CodeGeneration.fingerprint(one, Provider.EMBEDDED))
                .isNotEqualTo(CodeGeneration.fingerprint(two, Provider.EMBEDDED));
        assertThat(CodeGeneration.fingerprint(one, Provider.EMBEDDED)).isEqualTo(CodeGeneration.fingerprint(
                request(Engine.byId("sqlserver"), Provider.EMBEDDED, migrations, false), Provider.EMBEDDED));
    }

    @Test
    void unknownEngineIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Engine.byId("oracle"))
                .hasMessageContaining("unknown engine 'oracle'")
                .hasMessageContaining("postgresql")
                .hasMessageContaining("sqlserver");
    }

    @Test
    void unknownProviderIsRefusedNamingTheSettingAndTheKnownOnes() {
        assertThatThrownBy(() -> Provider.parse("docker"))
                .hasMessage("codegen: unknown provider 'docker'. Set -Dcodegen.provider (or the plugin's <provider>)"
                        + " to one of [embedded, testcontainers, url, auto].");
    }

    private Outcome generate(Engine engine, Provider provider, Path migrations, boolean force) throws Exception {
        return new CodeGeneration(log::add).run(request(engine, provider, migrations, force));
    }

    private CodeGeneration.Request request(Engine engine, Provider provider, Path migrations, boolean force) {
        return new CodeGeneration.Request(engine, provider, true, NOWHERE, migrations, output(), generator(), force,
                List.of("jooq=test", "codegen=test"));
    }

    private static Generator generator() {
        Generator generator = new Generator().withTarget(new Target().withPackageName("org.example.jooq"));
        generator.withDatabase(new org.jooq.meta.jaxb.Database()
                .withExcludes("flyway_schema_history").withOutputSchemaToDefault(true));
        return generator;
    }

    private Path output() {
        return work.resolve("generated");
    }

    private Path migrations(String... namesAndContents) throws IOException {
        Path directory = Files.createDirectories(work.resolve("migration"));
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Files.writeString(directory.resolve(namesAndContents[i]), namesAndContents[i + 1]);
        }
        return directory;
    }

    private int compile(Path sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", work.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path"), "-proc:none"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(errors.toString(StandardCharsets.UTF_8)).doesNotContain("error:");
        return status;
    }
}
