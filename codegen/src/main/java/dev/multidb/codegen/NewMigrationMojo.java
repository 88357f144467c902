package dev.multidb.codegen;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code V<next>__<name>.sql} into the module's migration folder:
 * {@code ./mvnw -pl database1 dev.multidb:codegen:new-migration -Dname=add_phone}.
 */
@Mojo(name = "new-migration", threadSafe = true)
public class NewMigrationMojo extends AbstractMojo {

    /** What the migration does, in {@code [a-z0-9_]+}: it becomes the file's description. */
    @Parameter(property = "name")
    private String name;

    @Parameter(defaultValue = "${project.basedir}/src/main/resources/db/${project.artifactId}/migration")
    private File migrations;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            Path file = NewMigration.create(migrations.toPath(), name, LocalDate.now());
            getLog().info("codegen: wrote " + file);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (FileAlreadyExistsException e) {
            throw new MojoFailureException("codegen: " + e.getFile() + " appeared meanwhile; run new-migration again.", e);
        } catch (IOException e) {
            throw new MojoExecutionException("codegen: cannot write a migration into " + migrations + ": "
                    + e.getMessage(), e);
        }
    }
}
