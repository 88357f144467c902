package dev.multidb.app.cli;

import dev.multidb.app.config.AppConfig;
import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.config.ConfigurationException;
import dev.multidb.app.config.DatabaseUrls;
import dev.multidb.app.config.LogLevel;
import dev.multidb.app.embedded.EmbeddedDefaults;
import dev.multidb.app.migrate.Migrations;
import dev.multidb.core.DatabaseDescriptor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What every command works with: the database modules, the process environment and standard output. */
final class CommandContext {

    private final List<DatabaseDescriptor> descriptors;
    private final Map<String, String> env;
    private final PrintWriter out;
    private AppConfig config;

    CommandContext(List<DatabaseDescriptor> descriptors, Map<String, String> env, PrintWriter out) {
        this.descriptors = List.copyOf(descriptors);
        this.env = Map.copyOf(env);
        this.out = out;
    }

    /** Loaded on first use, so {@code --help} works whatever the environment holds. */
    AppConfig config() {
        if (config == null) {
            config = ConfigLoader.load(env);
            LogLevel.apply(env);
        }
        return config;
    }

    PrintWriter out() {
        return out;
    }

    /**
     * The descriptors named (all when none is), in module order; an unknown name is a usage error. Every
     * configuration problem of the selected databases is reported at once, and none of the others.
     */
    List<DatabaseDescriptor> select(List<String> names) {
        List<String> known = descriptors.stream().map(DatabaseDescriptor::name).toList();
        for (String name : names) {
            if (!known.contains(name)) {
                throw new UsageException("unknown database '" + name + "'", "use one of: " + String.join(", ", known));
            }
        }
        List<DatabaseDescriptor> selected = descriptors.stream()
                .filter(d -> names.isEmpty() || names.contains(d.name())).toList();
        config();
        List<ConfigurationException> problems = new ArrayList<>();
        for (DatabaseDescriptor descriptor : selected) {
            try {
                check(descriptor);
            } catch (ConfigurationException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw ConfigurationException.all(problems);
        }
        return selected;
    }

    private void check(DatabaseDescriptor descriptor) {
        if (config().databases().stream().noneMatch(d -> d.name().equals(descriptor.name()))) {
            throw new ConfigurationException(descriptor.name() + " has no configuration block", "add databases."
                    + descriptor.name() + " = ${database-defaults} to its module's reference.conf");
        }
        DatabaseUrls.check(descriptor, config().database(descriptor.name()), config().production());
    }

    /**
     * Runs {@code step} on each database named (all when none is), with their embedded defaults started,
     * printing the line each returns.
     */
    int printEach(List<String> names, Function<Migrations, String> step) {
        List<DatabaseDescriptor> selected = select(names);
        return withDatabases(selected, started -> {
            for (DatabaseDescriptor descriptor : selected) {
                out.println(step.apply(Migrations.of(descriptor, started)));
            }
            return 0;
        });
    }

    /** Runs {@code work} with the embedded defaults of {@code selected} started, and stops them after. */
    <T> T withDatabases(List<DatabaseDescriptor> selected, Function<AppConfig, T> work) {
        try (EmbeddedDefaults embedded = EmbeddedDefaults.start(selected, config())) {
            return work.apply(embedded.config());
        }
    }
}
