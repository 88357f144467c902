package dev.multidb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseModulesTest {

    @TempDir
    Path classes;

    public static final class Beta implements DatabaseModule {
        @Override
        public DatabaseDescriptor descriptor() {
            return DatabaseDescriptor.conventional("beta", Engine.H2, "1");
        }
    }

    public static final class Alpha implements DatabaseModule {
        @Override
        public DatabaseDescriptor descriptor() {
            return DatabaseDescriptor.conventional("alpha", Engine.POSTGRESQL, "3");
        }
    }

    public static final class AlphaAgain implements DatabaseModule {
        @Override
        public DatabaseDescriptor descriptor() {
            return DatabaseDescriptor.conventional("alpha", Engine.SQLSERVER, "1");
        }
    }

    @Test
    void modulesListedInServiceFilesAreFoundInNameOrder() throws IOException {
        List<DatabaseDescriptor> found = DatabaseModules.discover(loaderListing(Beta.class, Alpha.class));

        assertThat(found).containsExactly(DatabaseDescriptor.conventional("alpha", Engine.POSTGRESQL, "3"),
                DatabaseDescriptor.conventional("beta", Engine.H2, "1"));
    }

    @Test
    void twoModulesOfOneNameAreRefused() throws IOException {
        assertThatThrownBy(() -> DatabaseModules.discover(loaderListing(Alpha.class, AlphaAgain.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two database modules are named alpha; give each module its own name");
    }

    // A class path of one folder whose service file lists the given classes, over this test's own.
    private ClassLoader loaderListing(Class<?>... modules) throws IOException {
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.write(services.resolve(DatabaseModule.class.getName()),
                java.util.Arrays.stream(modules).map(Class::getName).toList());
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
