package dev.multidb.app.cli;

import dev.multidb.app.RunningServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve",
        description = "Start the HTTP server (the default command); migrate and seed first where configured.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private final CommandContext context;
    private RunningServer server;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        server = RunningServer.start(context.select(List.of()), context.config());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "multidb-shutdown"));
        context.out().println("multidb listening on http://localhost:" + server.port());
        context.out().flush();
        return 0;
    }

    /** The server this command started, if it did. */
    Optional<RunningServer> server() {
        return Optional.ofNullable(server);
    }
}
