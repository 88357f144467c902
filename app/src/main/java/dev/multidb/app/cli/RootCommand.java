package dev.multidb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "java -jar app/target/app.jar",
        description = "multidb: one service, several databases. Without a command it serves HTTP.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the operation failed", "  2  usage or configuration error", "",
            "Configuration: application.conf; APP_ENV picks development (default), test or production, and",
            "environment variables override single values: HTTP_PORT, DATA_DIRECTORY, MIGRATE_ON_START,",
            "SEED_ON_START, DATABASE1_URL, DATABASE1_USER, DATABASE1_PASSWORD, DATABASE1_POOL_SIZE, ..."})
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
