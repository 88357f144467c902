package dev.multidb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "java -jar app/target/app.jar",
        description = "multidb: one service, several databases. Without a command it serves HTTP.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the operation failed", "  2  usage or configuration error", "",
            "Configuration: application.conf, then the block of the environment that APP_ENV names (development,"
                + " the default, test or production), then environment variables, each named after its setting:"
                + " HTTP_PORT, DATA_DIRECTORY, MIGRATE_ON_START, SEED_ON_START, LOG_LEVEL, and for each database"
                + " DATABASE1_URL, DATABASE1_USER, DATABASE1_PASSWORD, DATABASE1_POOL_SIZE and so on."})
final class RootCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    private final ServeCommand serve;

    RootCommand(ServeCommand serve) {
        this.serve = serve;
    }

    @Override
    public Integer call() {
        return serve.call();
    }
}
