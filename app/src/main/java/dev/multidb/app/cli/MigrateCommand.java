package dev.multidb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate",
        description = "Apply pending schema migrations, with each database's migration credentials.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    DatabaseOptions databases = new DatabaseOptions();

    private final CommandContext context;

    MigrateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return context.printEach(databases.names, m -> Reports.migrated(m.migrate()));
    }
}
