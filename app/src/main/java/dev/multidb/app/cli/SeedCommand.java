package dev.multidb.app.cli;

import dev.multidb.app.migrate.MigrationException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "seed",
        description = "Apply seed data not applied yet; tracked in flyway_seed_history. Needs a migrated schema."
                + " Refused in production unless --yes.")
final class SeedCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    DatabaseOptions databases = new DatabaseOptions();

    @Option(names = "--yes", description = "Confirm seeding in production, where it is refused otherwise.")
    boolean yes;

    private final CommandContext context;

    SeedCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // Seeds are sample data: in production they need to be asked for explicitly.
        if (context.config().production() && !yes) {
            throw new MigrationException("seed is refused in production, where seeds would add sample data",
                    "run seed --yes if you really mean it");
        }
        return context.printEach(databases.names, m -> Reports.seeded(m.seed()));
    }
}
