package io.otelier.helper.stanza;

import io.otelier.api.config.ConfigException;
import java.time.Duration;

/**
 * The {@code retry_on_failure} section of stanza-based receivers (upstream {@code consumerretry.Config}):
 * off by default; when on, a refused batch is retried with exponential back-off, which slows reading down.
 */
public record RetryOnFailure(boolean enabled, Duration initialInterval, Duration maxInterval, Duration maxElapsedTime) {

    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_ELAPSED_TIME = Duration.ofMinutes(5);

    /** A null duration (a key left out of the YAML section) means its default. */
    public RetryOnFailure {
        initialInterval = initialInterval == null ? DEFAULT_INITIAL_INTERVAL : initialInterval;
        maxInterval = maxInterval == null ? DEFAULT_MAX_INTERVAL : maxInterval;
        maxElapsedTime = maxElapsedTime == null ? DEFAULT_MAX_ELAPSED_TIME : maxElapsedTime;
    }

    public static RetryOnFailure defaults() {
        return new RetryOnFailure(false, DEFAULT_INITIAL_INTERVAL, DEFAULT_MAX_INTERVAL, DEFAULT_MAX_ELAPSED_TIME);
    }

    public RetryOnFailure withEnabled(boolean on) {
        return new RetryOnFailure(on, initialInterval, maxInterval, maxElapsedTime);
    }

    /**
     * Upstream has no checks here; negative durations are the one thing that cannot work. Field names are
     * relative to the section; the receiver prefixes {@code retry_on_failure}.
     */
    public void validate() {
        if (initialInterval.isNegative()) {
            throw ConfigException.at("initial_interval", "must not be negative");
        }
        if (maxInterval.isNegative()) {
            throw ConfigException.at("max_interval", "must not be negative");
        }
        if (maxElapsedTime.isNegative()) {
            throw ConfigException.at("max_elapsed_time", "must not be negative");
        }
    }
}
