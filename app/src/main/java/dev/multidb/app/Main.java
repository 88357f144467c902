package dev.multidb.app;

import dev.multidb.app.cli.Cli;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.database1.Database1;
import dev.multidb.database2.Database2;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Entry point: the database modules, the process environment and the command line, wired by hand. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<DatabaseDescriptor> descriptors = List.of(Database1.DESCRIPTOR, Database2.DESCRIPTOR);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Cli cli = new Cli(descriptors, System.getenv(), out, err);
        int code = cli.execute(args);
        // A started server runs on its own threads until the shutdown hook stops it.
        if (cli.server().isEmpty()) {
            System.exit(code);
        }
        StopSignal.exitZeroOnTerm();
    }
}
