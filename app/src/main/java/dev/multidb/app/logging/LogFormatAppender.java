package dev.multidb.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.multidb.app.config.ConfigurationException;

/**
 * Tells logback.xml which logback-<format>.xml to include. An unknown {@code LOG_FORMAT} falls back to text here,
 * so that the configuration check ({@link LogFormat#of}) reports it as one line instead of Logback's status dump.
 */
public final class LogFormatAppender extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        try {
            return LogFormat.of(System.getenv()).appender();
        } catch (ConfigurationException e) {
            return LogFormat.TEXT.appender();
        }
    }
}
