package dev.multidb.app.testing;

/** A test JVM that starts an embedded PostgreSQL, says where its files are, and fails without closing it. */
public final class FailingTestProcess {

    private FailingTestProcess() {
    }

    public static void main(String[] args) {
        RestartablePostgres postgres = RestartablePostgres.start();
        System.out.println(postgres.dataDirectory() + " " + postgres.postmasterPid());
        System.out.flush();
        throw new IllegalStateException("a test failed and nothing closed its database");
    }
}
