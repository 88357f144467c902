package dev.multidb.app.cli;

import dev.multidb.core.DatabaseDescriptor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** One command line run: exit code and what it printed to standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(List<DatabaseDescriptor> descriptors, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(descriptors, env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
