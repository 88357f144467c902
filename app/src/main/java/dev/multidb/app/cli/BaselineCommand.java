package dev.multidb.app.cli;

import dev.multidb.app.migrate.Migrations;
import dev.multidb.core.DatabaseDescriptor;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "baseline",
        description = "Adopt an existing database whose schema matches the migrations up to a version: start its"
                + " history there, so that migrate applies only the later ones. Refused when it has a history.")
final class BaselineCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Option(names = {"-d", "--database"}, paramLabel = "NAME", description = "The database to adopt (required).")
    String database;

    @Option(names = "--version", paramLabel = "N", description = "The version its schema is at (required).")
    String version;

    @Option(names = "--description", paramLabel = "TEXT", description = "Recorded in the history."
            + " Default: ${DEFAULT-VALUE}.")
    String description = "adopted by baseline";

    private final CommandContext context;

    BaselineCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (database == null || version == null) {
            throw new UsageException("baseline needs the database and the version its schema is at",
                    "run: baseline -d NAME --version N [--description TEXT]");
        }
        if (!version.matches("\\d+(\\.\\d+)*")) {
            throw new UsageException("--version '" + version + "' is not a migration version",
                    "give the number of the last migration the schema matches, e.g. --version 1");
        }
        List<DatabaseDescriptor> selected = context.select(List.of(database));
        return context.withDatabases(selected, config -> {
            context.out().println(Reports.baselined(Migrations.of(selected.getFirst(), config)
                    .baseline(version, description)));
            return 0;
        });
    }
}
