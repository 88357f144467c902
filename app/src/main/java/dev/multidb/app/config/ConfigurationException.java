package dev.multidb.app.config;

/** A configuration value that cannot be used. The message is one line: what is wrong; what to do. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
