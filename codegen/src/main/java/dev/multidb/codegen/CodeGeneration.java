package dev.multidb.codegen;

import dev.multidb.codegen.Migrator.MigrationFailedException;
import dev.multidb.codegen.engines.Engine;
import dev.multidb.codegen.engines.ProvisionedDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.meta.jaxb.Generator;

/** The plugin's flow, free of Maven types: fingerprint, provision, migrate, generate, record, stop. */
public final class CodeGeneration {

    /** What one run is asked to do. */
    public record Request(
            Engine engine,
            Provider provider,
            boolean providerSet,
            Provider.Connection connection,
            Path migrations,
            Path outputDirectory,
            Generator generator,
            boolean force,
            List<String> versions) {
    }

    /** What a run did. */
    public enum Outcome { UP_TO_DATE, GENERATED }

    private final Consumer<String> log;

    public CodeGeneration(Consumer<String> log) {
        this.log = log;
    }

    public Outcome run(Request request) throws Exception {
        long started = System.nanoTime();
        // Resolved first: which provider runs decides the meta database, so it is part of the fingerprint.
        Provider.Choice choice = request.provider().resolve(request.providerSet());
        Fingerprint fingerprint = fingerprint(request, choice.provider());
        Optional<Fingerprint> stored = Fingerprint.storedIn(request.outputDirectory());
        if (!request.force() && stored.isPresent() && stored.get().equals(fingerprint)) {
            log.accept("codegen: " + request.engine().id() + " classes are up to date (checked in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms; -Dcodegen.force=true regenerates)");
            return Outcome.UP_TO_DATE;
        }
        log.accept("codegen: provider " + choice.provider().name().toLowerCase() + " (" + choice.reason() + ")");
        // Gone before anything is touched, so an interrupted or failed run is never taken as up to date.
        Fingerprint.deleteIn(request.outputDirectory());
        JooqGenerator.quiet();
        JooqPreload.start(metaDatabase(request, choice.provider()));
        try (ProvisionedDatabase database = choice.provider().provision(request.engine(), request.connection())) {
            log.accept("codegen: database is " + database.description());
            String version = Migrator.migrate(database, request.migrations());
            String packageName = JooqGenerator.generate(database, request.generator(), request.outputDirectory());
            JooqGenerator.writeSchemaVersion(request.outputDirectory(), packageName, version);
            fingerprint.storeIn(request.outputDirectory());
            log.accept("codegen: generated " + packageName + " at schema version " + version + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception | Error e) {
            // Partial sources would compile into classes that match no schema; none is better.
            try {
                Folders.delete(request.outputDirectory());
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return Outcome.GENERATED;
    }

    static Fingerprint fingerprint(Request request, Provider resolved) {
        List<String> settings = new ArrayList<>(request.versions());
        settings.add("engine=" + request.engine().id());
        settings.add("provider=" + resolved.name());
        settings.add("meta=" + metaDatabase(request, resolved).className());
        // jOOQ's configuration classes print themselves as their XML, which covers every <generator> setting.
        settings.add("generator=" + (request.generator() == null ? "" : request.generator().toString()));
        return Fingerprint.of(request.migrations(), settings);
    }

    private static MetaDatabase metaDatabase(Request request, Provider resolved) {
        return MetaDatabase.named(resolved.urlPrefix(request.engine(), request.connection()));
    }

    /** Re-exported so the Mojo can tell a refused migration from a tool failure. */
    public static boolean isMigrationFailure(Throwable t) {
        return t instanceof MigrationFailedException;
    }
}
