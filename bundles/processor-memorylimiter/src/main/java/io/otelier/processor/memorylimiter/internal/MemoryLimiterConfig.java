package io.otelier.processor.memorylimiter.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;

/**
 * The {@code memory_limiter} processor's config (upstream internal/memorylimiter.Config). Limits are in MiB of
 * JVM heap in use; {@code limit_percentage} is relative to the maximum heap ({@code -Xmx}). A fixed
 * {@code limit_mib} wins over {@code limit_percentage}. A spike limit of 0 means 20% of the limit.
 *
 * <p>Validation messages are upstream's, word for word, so existing runbooks still match.
 */
public record MemoryLimiterConfig(
        Duration checkInterval,
        Duration minGcIntervalWhenSoftLimited,
        Duration minGcIntervalWhenHardLimited,
        Duration maxGcIntervalWhenSoftLimited,
        Duration maxGcIntervalWhenHardLimited,
        long limitMib,
        long spikeLimitMib,
        long limitPercentage,
        long spikeLimitPercentage) implements ComponentConfig {

    /** Upstream has no usable default: {@code check_interval} must be set. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ZERO;
    public static final Duration DEFAULT_MIN_GC_INTERVAL_WHEN_SOFT_LIMITED = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MIN_GC_INTERVAL_WHEN_HARD_LIMITED = Duration.ZERO;
    public static final Duration DEFAULT_MAX_GC_INTERVAL_WHEN_SOFT_LIMITED = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_GC_INTERVAL_WHEN_HARD_LIMITED = Duration.ofSeconds(30);

    /** uint32 in upstream's config. */
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public MemoryLimiterConfig {
        checkInterval = orDefault(checkInterval, DEFAULT_CHECK_INTERVAL);
        minGcIntervalWhenSoftLimited = orDefault(minGcIntervalWhenSoftLimited, DEFAULT_MIN_GC_INTERVAL_WHEN_SOFT_LIMITED);
        minGcIntervalWhenHardLimited = orDefault(minGcIntervalWhenHardLimited, DEFAULT_MIN_GC_INTERVAL_WHEN_HARD_LIMITED);
        maxGcIntervalWhenSoftLimited = orDefault(maxGcIntervalWhenSoftLimited, DEFAULT_MAX_GC_INTERVAL_WHEN_SOFT_LIMITED);
        maxGcIntervalWhenHardLimited = orDefault(maxGcIntervalWhenHardLimited, DEFAULT_MAX_GC_INTERVAL_WHEN_HARD_LIMITED);
    }

    public static MemoryLimiterConfig defaults() {
        return new MemoryLimiterConfig(DEFAULT_CHECK_INTERVAL, DEFAULT_MIN_GC_INTERVAL_WHEN_SOFT_LIMITED,
                DEFAULT_MIN_GC_INTERVAL_WHEN_HARD_LIMITED, DEFAULT_MAX_GC_INTERVAL_WHEN_SOFT_LIMITED,
                DEFAULT_MAX_GC_INTERVAL_WHEN_HARD_LIMITED, 0, 0, 0, 0);
    }

    @Override
    public void validate() throws ConfigException {
        checkUint32("limit_mib", limitMib);
        checkUint32("spike_limit_mib", spikeLimitMib);
        checkUint32("limit_percentage", limitPercentage);
        checkUint32("spike_limit_percentage", spikeLimitPercentage);
        // The order of the checks below is upstream's: the first failing rule is the one reported.
        if (!isPositive(checkInterval)) {
            throw ConfigException.of("'check_interval' must be greater than zero");
        }
        if (minGcIntervalWhenSoftLimited.compareTo(minGcIntervalWhenHardLimited) < 0) {
            throw ConfigException.of(
                    "'min_gc_interval_when_soft_limited' should be larger than 'min_gc_interval_when_hard_limited'");
        }
        if (maxGcIntervalWhenSoftLimited.isNegative()) {
            throw ConfigException.of("'max_gc_interval_when_soft_limited' must be non-negative");
        }
        if (maxGcIntervalWhenHardLimited.isNegative()) {
            throw ConfigException.of("'max_gc_interval_when_hard_limited' must be non-negative");
        }
        if (isPositive(maxGcIntervalWhenSoftLimited)
                && maxGcIntervalWhenSoftLimited.compareTo(minGcIntervalWhenSoftLimited) < 0) {
            throw ConfigException.of("'max_gc_interval_when_soft_limited' must be greater than or equal to"
                    + " 'min_gc_interval_when_soft_limited' (or 0 to disable)");
        }
        if (isPositive(maxGcIntervalWhenHardLimited)
                && maxGcIntervalWhenHardLimited.compareTo(minGcIntervalWhenHardLimited) < 0) {
            throw ConfigException.of("'max_gc_interval_when_hard_limited' must be greater than or equal to"
                    + " 'min_gc_interval_when_hard_limited' (or 0 to disable)");
        }
        if (isPositive(maxGcIntervalWhenSoftLimited) && isPositive(maxGcIntervalWhenHardLimited)
                && maxGcIntervalWhenSoftLimited.compareTo(maxGcIntervalWhenHardLimited) < 0) {
            throw ConfigException.of("'max_gc_interval_when_soft_limited' should be larger than or equal to"
                    + " 'max_gc_interval_when_hard_limited' (when both are set)");
        }
        if (limitMib == 0 && limitPercentage == 0) {
            throw ConfigException.of("'limit_mib' or 'limit_percentage' must be greater than zero");
        }
        if (limitPercentage > 100 || spikeLimitPercentage > 100) {
            throw ConfigException.of("'limit_percentage' and 'spike_limit_percentage' must be greater than zero"
                    + " and less than or equal to hundred");
        }
        if (limitMib > 0 && limitMib <= spikeLimitMib) {
            throw ConfigException.of("'spike_limit_mib' must be smaller than 'limit_mib'");
        }
        if (limitPercentage > 0 && limitPercentage <= spikeLimitPercentage) {
            throw ConfigException.of("'spike_limit_percentage' must be smaller than 'limit_percentage'");
        }
    }

    /** Upstream's decoder rejects values that do not fit its uint32 fields with this wording. */
    private static void checkUint32(String field, long value) {
        if (value < 0 || value > UINT32_MAX) {
            throw ConfigException.at(field, "cannot parse value as 'uint32': " + value + " overflows uint");
        }
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
