package dev.multidb.codegen;

import dev.multidb.core.Engine;
import java.util.Locale;

/** The jOOQ meta database that reads a schema over JDBC, the schema it reads and its SQL dialect, chosen by URL. */
record MetaDatabase(String className, String inputSchema, String dialect) {

    /** The meta database for a URL, checked to be on the classpath (jOOQ's edition decides). */
    static MetaDatabase forUrl(String jdbcUrl) {
        MetaDatabase meta = named(jdbcUrl);
        Engine engine = Engine.ofUrl(jdbcUrl).orElseThrow();
        // Only licensed editions read some engines (SQL Server): say so before jOOQ fails on a missing class.
        return requireAvailable(meta, "jOOQ Open Source Edition cannot read " + engine.displayName() + " metadata."
                + " Build with -Djooq.groupId=org.jooq.pro (licensed) or generate from H2 with -Dcodegen.provider=embedded.");
    }

    /** The meta database a URL would use, without loading it: part of the fingerprint. */
    static MetaDatabase named(String jdbcUrl) {
        Engine engine = Engine.ofUrl(jdbcUrl).orElseThrow(() -> new IllegalArgumentException("codegen: no jOOQ meta"
                + " database for " + jdbcUrl.toLowerCase(Locale.ROOT).split(":", 3)[1] + " URLs; set codegen.url to a "
                + Engine.urlPrefixes(" or ") + " URL."));
        return new MetaDatabase(engine.metaDatabaseClass(), engine.defaultSchema(), engine.dialectName());
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
