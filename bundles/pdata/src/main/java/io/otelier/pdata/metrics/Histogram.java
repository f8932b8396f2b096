package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** Distributions with explicit buckets: OTLP's {@code Histogram}. */
public final class Histogram extends TreeNode {

    private final PList<HistogramDataPoint> dataPoints = adopt(
            new PList<>(HistogramDataPoint::new, HistogramDataPoint::copyTo));
    private AggregationTemporality aggregationTemporality = AggregationTemporality.UNSPECIFIED;

    /** Standalone, mutable and empty. */
    public Histogram() {
    }

    public PList<HistogramDataPoint> dataPoints() {
        return dataPoints;
    }

    public AggregationTemporality aggregationTemporality() {
        return aggregationTemporality;
    }

    public Histogram setAggregationTemporality(AggregationTemporality aggregationTemporality) {
        checkWritable();
        this.aggregationTemporality = Objects.requireNonNull(aggregationTemporality, "aggregationTemporality");
        return this;
    }

    public void copyTo(Histogram dest) {
        dest.checkWritable();
        dataPoints.copyTo(dest.dataPoints);
        dest.aggregationTemporality = aggregationTemporality;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Histogram that
                && aggregationTemporality == that.aggregationTemporality && dataPoints.equals(that.dataPoints);
    }

    @Override
    public int hashCode() {
        return dataPoints.hashCode() * 31 + aggregationTemporality.hashCode();
    }

    @Override
    public String toString() {
        return "Histogram{aggregationTemporality=" + aggregationTemporality + ", dataPoints=" + dataPoints + "}";
    }
}
