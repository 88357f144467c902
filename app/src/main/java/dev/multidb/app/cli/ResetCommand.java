package dev.multidb.app.cli;

import dev.multidb.app.migrate.Migrations;
import dev.multidb.app.migrate.ResetReport;
import dev.multidb.core.DatabaseDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset",
        description = "Drop every object in one database and migrate it again, up to a version when given, then"
                + " seed it when asked. Refused in production.")
final class ResetCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", description = "The database to reset (required).")
    String database;

    @Option(names = "--to", paramLabel = "VERSION", description = "Migrate up to this version. Default: all.")
    String to;

    @Option(names = "--seed", description = "Apply the seeds after migrating (needs every migration).")
    boolean seed;

    @Option(names = "--yes", description = "Confirm that everything in the database may be dropped (required).")
    boolean yes;

    private final CommandContext context;

    ResetCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (database == null || !yes) {
            throw new UsageException("reset drops every object in a database, so it needs both -d NAME and --yes",
                    "run: reset -d NAME [--to VERSION] [--seed] --yes");
        }
        List<DatabaseDescriptor> selected = context.select(List.of(database));
        return context.withDatabases(selected, config -> {
            ResetReport report = Migrations.of(selected.getFirst(), config).reset(Optional.ofNullable(to), seed);
            context.out().println(Reports.reset(report));
            report.seeded().ifPresent(seeded -> context.out().println(Reports.seeded(seeded)));
            return 0;
        });
    }
}
