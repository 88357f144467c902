package dev.multidb.app.cli;

import dev.multidb.app.migrate.MigrationException;
import dev.multidb.app.migrate.Migrations;
import dev.multidb.app.migrate.ValidateReport;
import dev.multidb.core.DatabaseDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate",
        description = "Check migrations on disk against each database's history, and its schema version against"
                + " the generated code.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    HelpOption help = new HelpOption();

    @Mixin
    DatabaseOptions databases = new DatabaseOptions();

    private final CommandContext context;

    ValidateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<DatabaseDescriptor> selected = context.select(databases.names);
        List<ValidateReport> invalid = context.withDatabases(selected, config -> {
            List<ValidateReport> failed = new ArrayList<>();
            for (DatabaseDescriptor descriptor : selected) {
                ValidateReport report = Migrations.of(descriptor, config).validate();
                context.out().println(Reports.validated(report));
                if (!report.valid()) {
                    failed.add(report);
                }
            }
            return failed;
        });
        if (!invalid.isEmpty()) {
            // Each problem is on its INVALID line above; standard error only says that validation failed.
            List<String> names = invalid.stream().map(ValidateReport::database).toList();
            throw new MigrationException("validate found " + Reports.plural(names.size(), "invalid database") + " ("
                    + String.join(", ", names) + ")", "see " + (names.size() == 1 ? "its INVALID line" : "their INVALID lines") + " on standard output for what to do");
        }
        return 0;
    }
}
