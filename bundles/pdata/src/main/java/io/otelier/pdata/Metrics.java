package io.otelier.pdata;

import io.otelier.pdata.internal.Received;
import io.otelier.pdata.metrics.ResourceMetrics;

/** A batch of metrics: the root of a metric tree, OTLP's {@code ExportMetricsServiceRequest}. */
public final class Metrics extends RootNode<ResourceMetrics> {

    /** An empty, mutable batch. */
    public Metrics() {
        super(new PList<>(ResourceMetrics::new, ResourceMetrics::copyTo));
    }

    @Override
    Metrics newEmpty() {
        return new Metrics();
    }

    public PList<ResourceMetrics> resourceMetrics() {
        return resourceList();
    }

    /** Number of metrics in the whole batch. */
    public int metricCount() {
        Received bytes = received();
        if (bytes != null) {
            return bytes.containers();
        }
        PList<ResourceMetrics> resourceMetrics = resourceList();
        int count = 0;
        for (int i = 0, n = resourceMetrics.size(); i < n; i++) {
            count += resourceMetrics.get(i).metricCount();
        }
        return count;
    }

    /** Number of data points in the whole batch. */
    public int dataPointCount() {
        Received bytes = received();
        if (bytes != null) {
            return bytes.items();
        }
        PList<ResourceMetrics> resourceMetrics = resourceList();
        int count = 0;
        for (int i = 0, n = resourceMetrics.size(); i < n; i++) {
            count += resourceMetrics.get(i).dataPointCount();
        }
        return count;
    }

    /** Data points, the unit upstream counts metrics in. */
    @Override
    public int itemCount() {
        return dataPointCount();
    }

    @Override
    public Metrics deepCopy() {
        Metrics copy = new Metrics();
        copyTo(copy);
        return copy;
    }

    /** Overwrites {@code dest} with a deep copy of this batch. */
    public void copyTo(Metrics dest) {
        copyInto(dest);
    }

    /**
     * Appends every resource of this batch to {@code dest} and leaves this one empty (upstream's
     * MoveAndAppendTo); batches still held as received bytes are joined without decoding them.
     */
    public void moveAllTo(Metrics dest) {
        moveAll(dest);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Metrics that && sameResources(that);
    }

    @Override
    public int hashCode() {
        return resourceList().hashCode();
    }

    @Override
    public String toString() {
        return "Metrics" + resourceList();
    }
}
