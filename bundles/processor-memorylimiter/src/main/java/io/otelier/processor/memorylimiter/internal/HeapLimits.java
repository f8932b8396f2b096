package io.otelier.processor.memorylimiter.internal;

import java.util.function.LongSupplier;

/**
 * The two thresholds, in bytes of heap in use: at or above {@link #soft()} data is refused, at or above
 * {@link #hard()} a GC is forced (upstream's memUsageChecker).
 */
record HeapLimits(long hard, long spike) {

    static final long MIB = 1024L * 1024L;

    HeapLimits {
        if (spike == 0) {
            // upstream: an unset spike limit is 20% of the limit
            spike = hard / 5;
        }
    }

    long soft() {
        return hard - spike;
    }

    boolean aboveSoft(long used) {
        return used >= soft();
    }

    boolean aboveHard(long used) {
        return used >= hard;
    }

    /**
     * Computes the limits from the config; {@code maxHeap} is only read in percentage mode.
     *
     * @throws IllegalStateException when percentage mode is used but the JVM reports no maximum heap
     */
    static HeapLimits of(MemoryLimiterConfig config, LongSupplier maxHeap) {
        if (config.limitMib() != 0) {
            return new HeapLimits(config.limitMib() * MIB, config.spikeLimitMib() * MIB);
        }
        long total = maxHeap.getAsLong();
        if (total <= 0 || total == Long.MAX_VALUE) {
            throw new IllegalStateException("failed to get total memory, use fixed memory settings (limit_mib):"
                    + " the JVM reports no maximum heap (set -Xmx)");
        }
        return new HeapLimits(config.limitPercentage() * total / 100, config.spikeLimitPercentage() * total / 100);
    }
}
