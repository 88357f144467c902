package dev.multidb.app.migrate;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's logging through SLF4J, except that its retry notices are raised from DEBUG to WARN: Flyway retries
 * creating its history table ten times a second apart and says so only at DEBUG, so a command looked hung.
 * Named in {@code loggers(...)}, which Flyway instantiates by class name.
 */
public final class FlywayLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> type) {
        Logger logger = LoggerFactory.getLogger(type);
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                if (message.contains("Retrying")) {
                    logger.warn(message);
                } else {
                    logger.debug(message);
                }
            }

            @Override
            public void info(String message) {
                logger.info(message);
            }

            @Override
            public void warn(String message) {
                logger.warn(message);
            }

            @Override
            public void error(String message) {
                logger.error(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.error(message, e);
            }

            @Override
            public void notice(String message) {
                logger.info(message);
            }
        };
    }
}
