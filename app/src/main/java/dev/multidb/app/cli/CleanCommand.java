package dev.multidb.app.cli;

import dev.multidb.app.migrate.Migrations;
import dev.multidb.core.DatabaseDescriptor;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "clean",
        description = "Drop every object in one database, both histories included. Refused in production.")
final class CleanCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", description = "The database to empty (required).")
    String database;

    @Option(names = "--yes", description = "Confirm that everything in the database may be dropped (required).")
    boolean yes;

    private final CommandContext context;

    CleanCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (database == null || !yes) {
            throw new UsageException("clean drops every object in a database, so it needs both -d NAME and --yes",
                    "run: clean -d NAME --yes");
        }
        List<DatabaseDescriptor> selected = context.select(List.of(database));
        return context.withDatabases(selected, config -> {
            context.out().println(Reports.cleaned(Migrations.of(selected.getFirst(), config).clean()));
            return 0;
        });
    }
}
