package dev.multidb.codegen;

import java.util.Locale;

/** The jOOQ meta database that reads a schema over JDBC, and the schema it reads, chosen by URL. */
record MetaDatabase(String className, String inputSchema) {

    static MetaDatabase forUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return new MetaDatabase("org.jooq.meta.postgres.PostgresDatabase", "public");
        }
        if (url.startsWith("jdbc:h2:")) {
            return new MetaDatabase("org.jooq.meta.h2.H2Database", "PUBLIC");
        }
        if (url.startsWith("jdbc:sqlserver:")) {
            return requireAvailable(new MetaDatabase("org.jooq.meta.sqlserver.SQLServerDatabase", "dbo"),
                    "jOOQ Open Source Edition cannot read SQL Server metadata. Build with -Djooq.groupId=org.jooq.pro"
                            + " (licensed) or generate from H2 with -Dcodegen.provider=embedded.");
        }
        throw new IllegalArgumentException("codegen: no jOOQ meta database for " + url.split(":", 3)[1]
                + " URLs. Use jdbc:postgresql:, jdbc:sqlserver: or jdbc:h2:.");
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
