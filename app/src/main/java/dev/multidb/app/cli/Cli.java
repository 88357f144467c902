package dev.multidb.app.cli;

import dev.multidb.app.AdvisedException;
import dev.multidb.app.RunningServer;
import dev.multidb.app.embedded.EmbeddedDatabaseException;
import dev.multidb.app.migrate.MigrationException;
import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.UnsupportedDialectException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command line: serve (default), migrate, seed, info, validate, clean, reset, baseline. Errors are one line on
 * standard error, {@code multidb: <what is wrong>; <what to do>}; exit code 1 when an operation
 * failed, 2 for a usage or configuration error.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    private static final int FAILED = 1;
    private static final int USAGE = 2;

    private final CommandLine commandLine;
    private final ServeCommand serve;
    private final PrintWriter err;

    public Cli(List<DatabaseDescriptor> descriptors, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandContext context = new CommandContext(descriptors, env, out);
        this.serve = new ServeCommand(context);
        this.err = err;
        this.commandLine = new CommandLine(new RootCommand(serve))
                .addSubcommand("serve", serve)
                .addSubcommand("migrate", new MigrateCommand(context))
                .addSubcommand("seed", new SeedCommand(context))
                .addSubcommand("info", new InfoCommand(context))
                .addSubcommand("validate", new ValidateCommand(context))
                .addSubcommand("clean", new CleanCommand(context))
                .addSubcommand("reset", new ResetCommand(context))
                .addSubcommand("baseline", new BaselineCommand(context))
                .addSubcommand("help", new CommandLine.HelpCommand());
        commandLine.setOut(out).setErr(err)
                .setParameterExceptionHandler(this::usageError)
                .setExecutionExceptionHandler((e, line, result) -> failure(e));
    }

    /** Runs the command in {@code args} and returns its exit code. */
    public int execute(String... args) {
        int code = commandLine.execute(args);
        err.flush();
        return code;
    }

    /** The HTTP server, when the command was serve and it started; it keeps running after execute returns. */
    public Optional<RunningServer> server() {
        return serve.server();
    }

    private int usageError(CommandLine.ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println("multidb: " + oneLine(e.getMessage()) + "; run '" + command + " --help' for usage");
        return USAGE;
    }

    private int failure(Exception e) {
        if (e instanceof AdvisedException advised) {
            err.println("multidb: " + oneLine(advised.problem()) + "; " + oneLine(advised.advice()));
            return e instanceof MigrationException ? FAILED : USAGE;
        }
        String message = oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        // These say what to do in their own words; anything else points at the log.
        if (!(e instanceof EmbeddedDatabaseException) && !(e instanceof UnsupportedDialectException)) {
            LOG.debug("command failed", e);
            message += "; run with LOG_LEVEL=DEBUG for details";
        }
        err.println("multidb: " + message);
        return FAILED;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
