package dev.multidb.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -d NAME}, repeatable; none means every database. */
final class DatabaseOptions {

    @Option(names = {"-d", "--database"}, paramLabel = "NAME",
            description = "Database to work on; repeat for several. Default: every database.")
    List<String> names = new ArrayList<>();
}
