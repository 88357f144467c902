package dev.multidb.app;

import dev.multidb.app.cli.Cli;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DatabaseModules;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Entry point: the database modules found on the class path, the process environment and the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<DatabaseDescriptor> descriptors = DatabaseModules.discover(Main.class.getClassLoader());
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
