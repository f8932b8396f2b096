package io.otelier.helper.exporter.internal;

import java.util.function.DoubleSupplier;

/**
 * The wait schedule of one request's retries, as upstream's {@code github.com/cenkalti/backoff/v7}
 * {@code ExponentialBackOff.NextBackOff}: the n-th wait is the current interval randomized to
 * {@code [interval·(1-f), interval·(1+f)]}; the interval then grows by the multiplier up to the maximum.
 * Not thread-safe: one instance per request.
 */
public final class ExponentialBackoff {

    private final long initialNanos;
    private final double randomizationFactor;
    private final double multiplier;
    private final long maxNanos;
    private final DoubleSupplier random;
    private long currentNanos;

    /** @param random values in [0, 1) */
    public ExponentialBackoff(long initialNanos, double randomizationFactor, double multiplier, long maxNanos,
            DoubleSupplier random) {
        this.initialNanos = initialNanos;
        this.randomizationFactor = randomizationFactor;
        this.multiplier = multiplier;
        this.maxNanos = maxNanos;
        this.random = random;
    }

    /** The next wait, in nanoseconds. */
    public long nextNanos() {
        if (currentNanos == 0) {
            currentNanos = initialNanos;
        }
        long next = randomize(randomizationFactor, random.getAsDouble(), currentNanos);
        grow();
        return next;
    }

    private void grow() {
        // compared before multiplying, so the interval cannot overflow
        if ((double) currentNanos >= (double) maxNanos / multiplier) {
            currentNanos = maxNanos;
        } else {
            currentNanos = (long) (currentNanos * multiplier);
        }
    }

    /** A value in [interval - f·interval, interval + f·interval], with backoff's "+1" so both ends can occur. */
    static long randomize(double factor, double random, long intervalNanos) {
        if (factor == 0) {
            return intervalNanos;
        }
        double delta = factor * intervalNanos;
        double min = intervalNanos - delta;
        double max = intervalNanos + delta;
        double value = min + random * (max - min + 1);
        if (value >= (double) Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return (long) value;
    }
}
