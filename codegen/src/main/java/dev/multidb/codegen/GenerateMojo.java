package dev.multidb.codegen;

import dev.multidb.codegen.engines.Engine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jooq.Constants;
import org.jooq.meta.jaxb.Generator;

/**
 * Generates jOOQ classes from a live database migrated with the module's own Flyway migrations.
 * The {@code <generator>} element is jOOQ's own configuration vocabulary.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The engine the module is written for: postgresql or sqlserver. */
    @Parameter(property = "codegen.engine", required = true)
    private String engine;

    /** embedded (default), testcontainers, url or auto. */
    @Parameter(property = "codegen.provider")
    private String provider;

    @Parameter(property = "codegen.url")
    private String url;

    @Parameter(property = "codegen.user")
    private String user;

    @Parameter(property = "codegen.password")
    private String password;

    /** Regenerate even when the fingerprint says the classes are up to date. */
    @Parameter(property = "codegen.force", defaultValue = "false")
    private boolean force;

    @Parameter(property = "codegen.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.basedir}/src/main/resources/db/${project.artifactId}/migration")
    private File migrations;

    @Parameter(defaultValue = "${project.build.directory}/generated-sources/jooq")
    private File outputDirectory;

    /** The module's own resources folder: files under {@link #resourcesOutput} with no counterpart here are removed. */
    @Parameter(defaultValue = "${project.basedir}/src/main/resources/db/${project.artifactId}")
    private File resources;

    @Parameter(defaultValue = "${project.build.outputDirectory}/db/${project.artifactId}")
    private File resourcesOutput;

    /** jOOQ's {@code <generator>} configuration; database name, input schema and target directory are filled in. */
    @Parameter
    private Generator generator;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        QuietLogs.apply(getLog().isDebugEnabled());
        pruneStaleResources();
        if (skip) {
            getLog().info("codegen: skipped (codegen.skip)");
            return;
        }
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        CodeGeneration.Request request = request();
        try {
            new CodeGeneration(getLog()::info).run(request);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            if (CodeGeneration.isMigrationFailure(e)) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            String message = String.valueOf(e.getMessage());
            throw new MojoExecutionException(message.startsWith("codegen:") ? message : "codegen: " + message, e);
        }
    }

    // A misspelt <engine> or -Dcodegen.provider is the user's to fix: one line naming the setting.
    private CodeGeneration.Request request() throws MojoFailureException {
        try {
            return new CodeGeneration.Request(
                    Engine.byId(engine),
                    Provider.parse(provider == null || provider.isBlank() ? "embedded" : provider),
                    provider != null && !provider.isBlank(),
                    new Provider.Connection(url, user, password),
                    migrations.toPath(),
                    outputDirectory.toPath(),
                    generator,
                    force,
                    List.of("jooq=" + Constants.FULL_VERSION, "codegen=" + pluginVersion));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private void pruneStaleResources() throws MojoExecutionException {
        try {
            for (Path removed : StaleResources.prune(resources.toPath(), resourcesOutput.toPath())) {
                getLog().info("codegen: removed " + removed + " from " + resourcesOutput
                        + " (no longer in " + resources + ")");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("codegen: cannot remove stale files from " + resourcesOutput
                    + ": " + e.getMessage() + "; run the build with clean.", e);
        }
    }
}
