package dev.multidb.codegen.engines;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;

/** Testcontainers plumbing shared by the engines. */
public final class Containers {

    private Containers() {
    }

    /** True when a Docker engine answers; Testcontainers logs why when it does not. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ProvisionedDatabase provisioned(JdbcDatabaseContainer<?> container, String description) {
        return new ProvisionedDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                description, container::stop);
    }
}
