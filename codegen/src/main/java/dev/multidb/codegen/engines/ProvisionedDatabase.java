package dev.multidb.codegen.engines;

/** A database that exists for the length of one code generation run; closing it stops what was started. */
public interface ProvisionedDatabase extends AutoCloseable {

    String url();

    String user();

    String password();

    /** Where it came from, for the log: "embedded PostgreSQL 17", "H2 (MODE=MSSQLServer)", ... */
    String description();

    @Override
    void close();

    /** A server that was already running: nothing to stop. */
    static ProvisionedDatabase existing(String url, String user, String password) {
        return new ProvisionedDatabase() {
            public String url() { return url; }
            public String user() { return user; }
            public String password() { return password; }
            public String description() { return "existing server"; }
            public void close() { }
        };
    }
}
