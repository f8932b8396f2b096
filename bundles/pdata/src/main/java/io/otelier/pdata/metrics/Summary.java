package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;

/** Quantile summaries (legacy, for Prometheus and StatsD): OTLP's {@code Summary}. */
public final class Summary extends TreeNode {

    private final PList<SummaryDataPoint> dataPoints = adopt(
            new PList<>(SummaryDataPoint::new, SummaryDataPoint::copyTo));

    /** Standalone, mutable and empty. */
    public Summary() {
    }

    public PList<SummaryDataPoint> dataPoints() {
        return dataPoints;
    }

    public void copyTo(Summary dest) {
        dest.checkWritable();
        dataPoints.copyTo(dest.dataPoints);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Summary that
                && dataPoints.equals(that.dataPoints);
    }

    @Override
    public int hashCode() {
        return dataPoints.hashCode();
    }

    @Override
    public String toString() {
        return "Summary{dataPoints=" + dataPoints + "}";
    }
}
