package io.otelier.pdata;

/**
 * What traces, metrics and logs have in common, so that consumers, fan-out and queues can be written once.
 * Data that is shared (fanned out without a copy, or still held as received bytes) is read-only: any
 * mutation attempt throws {@link IllegalStateException}.
 */
public interface Telemetry {

    /** Spans, metric data points or log records: the unit upstream counts items in. */
    int itemCount();

    boolean isEmpty();

    boolean isReadOnly();

    /** Makes this whole tree read-only, for good. */
    void markReadOnly();

    /** A mutable deep copy. */
    Telemetry deepCopy();
}
