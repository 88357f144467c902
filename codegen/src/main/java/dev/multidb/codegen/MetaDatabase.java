package dev.multidb.codegen;

import java.util.Locale;

/** The jOOQ meta database that reads a schema over JDBC, and the schema it reads, chosen by URL. */
record MetaDatabase(String className, String inputSchema) {

    /** The meta database for a URL, checked to be on the classpath (jOOQ's edition decides). */
    static MetaDatabase forUrl(String jdbcUrl) {
        MetaDatabase meta = named(jdbcUrl);
        if (meta.className().contains(".sqlserver.")) {
            return requireAvailable(meta, "jOOQ Open Source Edition cannot read SQL Server metadata. Build with"
                    + " -Djooq.groupId=org.jooq.pro (licensed) or generate from H2 with -Dcodegen.provider=embedded.");
        }
        return meta;
    }

    /** The meta database a URL would use, without loading it: part of the fingerprint. */
    static MetaDatabase named(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return new MetaDatabase("org.jooq.meta.postgres.PostgresDatabase", "public");
        }
        if (url.startsWith("jdbc:h2:")) {
            return new MetaDatabase("org.jooq.meta.h2.H2Database", "PUBLIC");
        }
        if (url.startsWith("jdbc:sqlserver:")) {
            return new MetaDatabase("org.jooq.meta.sqlserver.SQLServerDatabase", "dbo");
        }
        String[] parts = url.split(":", 3);
        throw new IllegalArgumentException("codegen: no jOOQ meta database for "
                + (parts.length > 1 ? parts[1] : url) + " URLs; set codegen.url to a jdbc:postgresql:, jdbc:sqlserver:"
                + " or jdbc:h2: URL.");
    }

    private static MetaDatabase requireAvailable(MetaDatabase meta, String otherwise) {
        try {
            Class.forName(meta.className(), false, MetaDatabase.class.getClassLoader());
            return meta;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("codegen: " + otherwise);
        }
    }
}
