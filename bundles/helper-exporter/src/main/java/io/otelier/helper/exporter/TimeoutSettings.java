package io.otelier.helper.exporter;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;

/**
 * {@code timeout}: upstream's {@code exporterhelper.TimeoutConfig} (v0.165). Upstream squashes it into the
 * exporter's own config, so the YAML key is the exporter's top-level {@code timeout}; an exporter config
 * keeps a {@code Duration timeout} field and wraps it in this record.
 *
 * @param timeout how long each attempt to send may take (every retry gets the full time again); 0 means no
 *                limit
 */
public record TimeoutSettings(Duration timeout) implements ComponentConfig {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** A null timeout means the default. */
    public TimeoutSettings {
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Upstream's {@code NewDefaultTimeoutConfig()}: 5s. */
    public static TimeoutSettings defaults() {
        return new TimeoutSettings(DEFAULT_TIMEOUT);
    }

    public static TimeoutSettings of(Duration timeout) {
        return new TimeoutSettings(timeout);
    }

    @Override
    public void validate() throws ConfigException {
        if (timeout.isNegative()) {
            throw ConfigException.at("timeout", "timeout value must be greater than or equal to 0");
        }
    }
}
