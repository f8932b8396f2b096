package io.otelier.api.config;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by every component config (a record or plain class bound by Jackson, snake_case keys).
 * {@link #validate()} runs once, after binding, before anything starts.
 */
@ConsumerType
public interface ComponentConfig {

    /**
     * Checks the values together.
     *
     * @throws ConfigException naming the offending field (relative to this config) and value
     */
    default void validate() throws ConfigException {
    }
}
