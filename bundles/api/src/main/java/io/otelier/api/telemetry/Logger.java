package io.otelier.api.telemetry;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Structured logger handed to components. Fields are alternating key/value pairs, e.g.
 * {@code log.info("Starting server", "endpoint", endpoint)}. The runtime's logger already carries the
 * component's kind and id.
 */
@ProviderType
public interface Logger {

    boolean isEnabled(Level level);

    void log(Level level, String message, Throwable error, Object... fields);

    /** A logger that adds these fields to every line. */
    Logger with(Object... fields);

    default void debug(String message, Object... fields) {
        log(Level.DEBUG, message, null, fields);
    }

    default void info(String message, Object... fields) {
        log(Level.INFO, message, null, fields);
    }

    default void warn(String message, Object... fields) {
        log(Level.WARN, message, null, fields);
    }

    default void error(String message, Throwable error, Object... fields) {
        log(Level.ERROR, message, error, fields);
    }
}
