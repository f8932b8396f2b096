package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** Distributions with exponential buckets: OTLP's {@code ExponentialHistogram}. */
public final class ExponentialHistogram extends TreeNode {

    private final PList<ExponentialHistogramDataPoint> dataPoints = adopt(
            new PList<>(ExponentialHistogramDataPoint::new, ExponentialHistogramDataPoint::copyTo));
    private AggregationTemporality aggregationTemporality = AggregationTemporality.UNSPECIFIED;

    /** Standalone, mutable and empty. */
    public ExponentialHistogram() {
    }

    public PList<ExponentialHistogramDataPoint> dataPoints() {
        return dataPoints;
    }

    public AggregationTemporality aggregationTemporality() {
        return aggregationTemporality;
    }

    public ExponentialHistogram setAggregationTemporality(AggregationTemporality aggregationTemporality) {
        checkWritable();
        this.aggregationTemporality = Objects.requireNonNull(aggregationTemporality, "aggregationTemporality");
        return this;
    }

    public void copyTo(ExponentialHistogram dest) {
        dest.checkWritable();
        dataPoints.copyTo(dest.dataPoints);
        dest.aggregationTemporality = aggregationTemporality;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ExponentialHistogram that
                && aggregationTemporality == that.aggregationTemporality && dataPoints.equals(that.dataPoints);
    }

    @Override
    public int hashCode() {
        return dataPoints.hashCode() * 31 + aggregationTemporality.hashCode();
    }

    @Override
    public String toString() {
        return "ExponentialHistogram{aggregationTemporality=" + aggregationTemporality
                + ", dataPoints=" + dataPoints + "}";
    }
}
