package io.otelier.helper.exporter;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;

/**
 * {@code retry_on_failure}: upstream's {@code configretry.BackOffConfig} (v1.71.0, used by collector v0.165).
 * A failed send is retried with exponential backoff and jitter until it succeeds, fails permanently, or
 * {@code max_elapsed_time} would be exceeded. Unlike the queue, this section has a real {@code enabled}
 * field, and upstream validates it even when disabled.
 *
 * @param enabled             whether retryable failures are retried at all
 * @param initialInterval     the wait after the first failure
 * @param randomizationFactor jitter: each wait is the interval times a random value in [1 - f, 1 + f]
 * @param multiplier          growth of the interval after each retry
 * @param maxInterval         the cap of the (unrandomized) interval
 * @param maxElapsedTime      the total time spent on one request, retries included, before its data is
 *                            dropped; 0 retries forever
 */
public record RetrySettings(boolean enabled, Duration initialInterval, double randomizationFactor, double multiplier,
        Duration maxInterval, Duration maxElapsedTime) implements ComponentConfig {

    public static final boolean DEFAULT_ENABLED = true;
    public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(5);
    public static final double DEFAULT_RANDOMIZATION_FACTOR = 0.5;
    public static final double DEFAULT_MULTIPLIER = 1.5;
    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_ELAPSED_TIME = Duration.ofMinutes(5);

    /** A null duration means its default. */
    public RetrySettings {
        initialInterval = initialInterval == null ? DEFAULT_INITIAL_INTERVAL : initialInterval;
        maxInterval = maxInterval == null ? DEFAULT_MAX_INTERVAL : maxInterval;
        maxElapsedTime = maxElapsedTime == null ? DEFAULT_MAX_ELAPSED_TIME : maxElapsedTime;
    }

    /** Upstream's {@code configretry.NewDefaultBackOffConfig()}. */
    public static RetrySettings defaults() {
        return new RetrySettings(DEFAULT_ENABLED, DEFAULT_INITIAL_INTERVAL, DEFAULT_RANDOMIZATION_FACTOR,
                DEFAULT_MULTIPLIER, DEFAULT_MAX_INTERVAL, DEFAULT_MAX_ELAPSED_TIME);
    }

    /** The defaults with retrying switched off. */
    public static RetrySettings disabled() {
        return defaults().withEnabled(false);
    }

    public RetrySettings withEnabled(boolean on) {
        return new RetrySettings(on, initialInterval, randomizationFactor, multiplier, maxInterval, maxElapsedTime);
    }

    /** Upstream's checks and messages, in upstream's order (the first failing one is reported). */
    @Override
    public void validate() throws ConfigException {
        if (!maxElapsedTime.isNegative() && !maxElapsedTime.isZero()) {
            if (maxElapsedTime.compareTo(initialInterval) < 0) {
                throw ConfigException.at("max_elapsed_time",
                        "'max_elapsed_time' must not be less than 'initial_interval'");
            }
            if (maxElapsedTime.compareTo(maxInterval) < 0) {
                throw ConfigException.at("max_elapsed_time", "'max_elapsed_time' must not be less than 'max_interval'");
            }
        }
        requireNotNegative("initial_interval", initialInterval.isNegative());
        requireNotNegative("max_elapsed_time", maxElapsedTime.isNegative());
        requireNotNegative("max_interval", maxInterval.isNegative());
        requireNotNegative("multiplier", multiplier < 0);
        requireNotNegative("randomization_factor", randomizationFactor < 0);
        if (randomizationFactor > 1) {
            throw ConfigException.at("randomization_factor", "randomization_factor value must be less than or equal to 1");
        }
    }

    private static void requireNotNegative(String field, boolean negative) {
        if (negative) {
            throw ConfigException.at(field, field + " value must be greater than or equal to 0");
        }
    }
}
