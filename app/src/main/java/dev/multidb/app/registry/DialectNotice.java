package dev.multidb.app.registry;

import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says once per database which jOOQ dialect renders its SQL, in place of jOOQ's own version-mismatch warning. */
final class DialectNotice {

    private static final Logger LOG = LoggerFactory.getLogger(DialectNotice.class);

    private DialectNotice() {
    }

    static void log(String database, SQLDialect dialect) {
        LOG.info("{}: jOOQ renders SQL with dialect {}; {}", database, dialect.name(), why(dialect));
    }

    // jOOQ's Open Source Edition targets the newest release of each engine; what we render is older than that.
    private static String why(SQLDialect dialect) {
        return switch (dialect.family().name()) {
            case "POSTGRES" -> "it targets the newest PostgreSQL, and the repositories use only SQL that PostgreSQL 14+"
                    + " runs (SELECT, INSERT ... RETURNING, UPDATE, DELETE, FOR UPDATE and FOR KEY SHARE),"
                    + " and the tests run every query on PostgreSQL 17";
            case "H2" -> "it supports the H2 2.x that the app ships with";
            default -> "the licensed edition supports this server's version";
        };
    }
}
