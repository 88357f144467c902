package dev.multidb.app.cli;

import dev.multidb.app.migrate.Migrations;
import dev.multidb.core.DatabaseDescriptor;
import java.util.List;
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
        List<DatabaseDescriptor> selected = context.select(databases.names);
        return context.withDatabases(selected, config -> {
            for (DatabaseDescriptor descriptor : selected) {
                context.out().println(Reports.migrated(Migrations.of(descriptor, config).migrate()));
            }
            return 0;
        });
    }
}
