package dev.multidb.app.config;

import dev.multidb.app.AdvisedException;
import java.util.List;

/** A configuration value that cannot be used: what is wrong, and what to set instead. */
public final class ConfigurationException extends AdvisedException {

    public ConfigurationException(String problem, String advice) {
        super(problem, advice, null);
    }

    /** Several problems as one line, each with its own advice, so that one run shows them all. */
    public static ConfigurationException all(List<ConfigurationException> problems) {
        if (problems.size() == 1) {
            return problems.getFirst();
        }
        List<String> each = problems.stream().map(p -> p.problem() + " (" + p.advice() + ")").toList();
        return new ConfigurationException(problems.size() + " configuration problems: " + String.join(", ", each),
                "fix them all, then run again");
    }
}
