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
        return new ProvisionedDatabase() {
            public String url() { return container.getJdbcUrl(); }
            public String user() { return container.getUsername(); }
            public String password() { return container.getPassword(); }
            public String description() { return description; }
            public void close() { container.stop(); }
        };
    }
}
