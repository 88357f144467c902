package dev.multidb.app.cli;

import dev.multidb.app.migrate.Migrations;
import dev.multidb.core.DatabaseDescriptor;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "info",
        description = "Show each database's schema version, pending migrations and seed state.")
final class InfoCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    DatabaseOptions databases = new DatabaseOptions();

    private final CommandContext context;

    InfoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<DatabaseDescriptor> selected = context.select(databases.names);
        return context.withDatabases(selected, config -> {
            for (int i = 0; i < selected.size(); i++) {
                if (i > 0) {
                    context.out().println();
                }
                context.out().println(InfoTable.render(Migrations.of(selected.get(i), config).info()));
            }
            return 0;
        });
    }
}
