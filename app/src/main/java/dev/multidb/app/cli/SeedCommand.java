package dev.multidb.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "seed",
        description = "Apply seed data not applied yet; tracked in flyway_seed_history. Needs a migrated schema.")
final class SeedCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    DatabaseOptions databases = new DatabaseOptions();

    private final CommandContext context;

    SeedCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return context.printEach(databases.names, m -> Reports.seeded(m.seed()));
    }
}
