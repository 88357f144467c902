package dev.multidb.codegen;

import dev.multidb.codegen.engines.Containers;
import dev.multidb.codegen.engines.Engine;
import dev.multidb.codegen.engines.ProvisionedDatabase;
import java.util.Arrays;
import java.util.Locale;

/** Where the database that code is generated from comes from ({@code -Dcodegen.provider=...}). */
public enum Provider {
    /** The engine's embedded default: no install, no Docker. */
    EMBEDDED,
    /** A container of the production engine; needs a Docker engine. */
    TESTCONTAINERS,
    /** An existing server given by codegen.url, codegen.user, codegen.password. */
    URL,
    /** Testcontainers where a Docker engine answers, embedded elsewhere. */
    AUTO;

    static Provider parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("codegen: unknown provider '" + value + "'. Set -Dcodegen.provider"
                    + " (or the plugin's <provider>) to one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ".");
        }
    }

    /** A provider chosen, with the reason the log gives for it. */
    record Choice(Provider provider, String reason) {
    }

    Choice resolve(boolean explicitlySet) {
        if (this != AUTO) {
            return new Choice(this, explicitlySet ? "selected with codegen.provider" : "the default");
        }
        return Containers.dockerAvailable()
                ? new Choice(TESTCONTAINERS, "auto: a Docker engine answers")
                : new Choice(EMBEDDED, "auto: no Docker engine answers");
    }

    /** The JDBC URL prefix this provider will connect with: it decides which jOOQ meta database reads the schema. */
    String urlPrefix(Engine engine, Connection connection) {
        return switch (this) {
            case EMBEDDED -> engine.embeddedUrlPrefix();
            case TESTCONTAINERS -> engine.productionUrlPrefix();
            case URL -> requireUrl(connection);
            case AUTO -> throw new IllegalStateException("auto is resolved before it connects");
        };
    }

    ProvisionedDatabase provision(Engine engine, Connection connection) throws Exception {
        return switch (this) {
            case EMBEDDED -> engine.embedded();
            case TESTCONTAINERS -> engine.container();
            case URL -> ProvisionedDatabase.existing(requireUrl(connection), connection.user(), connection.password());
            case AUTO -> throw new IllegalStateException("auto is resolved before provisioning");
        };
    }

    private static String requireUrl(Connection connection) {
        if (connection.url() == null || connection.url().isBlank()) {
            throw new IllegalArgumentException(
                    "codegen: provider url needs -Dcodegen.url=jdbc:... (and codegen.user, codegen.password).");
        }
        return connection.url();
    }

    /** The server given for the url provider. */
    record Connection(String url, String user, String password) {
        @Override
        public String toString() {
            return "Connection[url=" + url + ", user=" + user + ", password=****]";
        }
    }
}
