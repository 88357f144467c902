package dev.multidb.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/** Reads typed values and turns every mistake into one line that names the environment variable. */
final class ConfigReader {

    private final Config config;

    ConfigReader(Config config) {
        this.config = config;
    }

    String string(String path) {
        try {
            return config.getString(path);
        } catch (ConfigException.Missing e) {
            throw missing(path);
        } catch (ConfigException.WrongType e) {
            throw new ConfigurationException(EnvironmentVariables.nameOf(path) + " (" + path
                    + ") is not a text value", "write it as a quoted string in application.conf");
        }
    }

    int integer(String path, int min, int max) {
        int value;
        try {
            value = config.getInt(path);
        } catch (ConfigException.Missing e) {
            throw missing(path);
        } catch (ConfigException e) {
            throw new ConfigurationException(describe(path) + ", not a whole number", "set it to a number from "
                    + min + " to " + max);
        }
        if (value < min || value > max) {
            throw new ConfigurationException(describe(path) + ", out of range", "set it to a number from "
                    + min + " to " + max);
        }
        return value;
    }

    boolean bool(String path) {
        try {
            return config.getBoolean(path);
        } catch (ConfigException.Missing e) {
            throw missing(path);
        } catch (ConfigException e) {
            throw new ConfigurationException(describe(path) + ", not true or false", "set it to true or false");
        }
    }

    private String describe(String path) {
        return EnvironmentVariables.nameOf(path) + " is '" + config.getValue(path).unwrapped() + "'";
    }

    private static ConfigurationException missing(String path) {
        return new ConfigurationException(path + " is missing from application.conf", "add it (database blocks"
                + " start from ${database-defaults})");
    }
}
