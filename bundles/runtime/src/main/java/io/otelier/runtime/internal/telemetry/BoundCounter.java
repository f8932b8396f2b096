package io.otelier.runtime.internal.telemetry;

/** One series of a counter (a fixed label set): the handle hot paths keep, so adding costs no lookup. */
@FunctionalInterface
public interface BoundCounter {

    BoundCounter NOOP = n -> {
    };

    /** Adds {@code n}; negative values are ignored, as a monotonic counter must not go down. */
    void add(long n);
}
