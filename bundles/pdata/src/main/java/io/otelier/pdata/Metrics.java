package io.otelier.pdata;

import io.otelier.pdata.metrics.ResourceMetrics;

/** A batch of metrics: the root of a metric tree, OTLP's {@code ExportMetricsServiceRequest}. */
public final class Metrics extends TreeNode implements Telemetry {

    private final PList<ResourceMetrics> resourceMetrics = adopt(
            new PList<>(ResourceMetrics::new, ResourceMetrics::copyTo));

    /** An empty, mutable batch. */
    public Metrics() {
    }

    public PList<ResourceMetrics> resourceMetrics() {
        return resourceMetrics;
    }

    /** Number of metrics in the whole batch. */
    public int metricCount() {
        int count = 0;
        for (int i = 0, n = resourceMetrics.size(); i < n; i++) {
            count += resourceMetrics.get(i).metricCount();
        }
        return count;
    }

    /** Number of data points in the whole batch. */
    public int dataPointCount() {
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

    /** True when there is no resource at all (a resource without metrics still counts as content). */
    @Override
    public boolean isEmpty() {
        return resourceMetrics.isEmpty();
    }

    @Override
    public void markReadOnly() {
        markSubtreeReadOnly();
    }

    @Override
    public Metrics deepCopy() {
        Metrics copy = new Metrics();
        copyTo(copy);
        return copy;
    }

    /** Overwrites {@code dest} with a deep copy of this batch. */
    public void copyTo(Metrics dest) {
        resourceMetrics.copyTo(dest.resourceMetrics);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Metrics that && resourceMetrics.equals(that.resourceMetrics);
    }

    @Override
    public int hashCode() {
        return resourceMetrics.hashCode();
    }

    @Override
    public String toString() {
        return "Metrics" + resourceMetrics;
    }
}
