package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** A sum of measurements over time: OTLP's {@code Sum}. */
public final class Sum extends TreeNode {

    private final PList<NumberDataPoint> dataPoints = adopt(
            new PList<>(NumberDataPoint::new, NumberDataPoint::copyTo));
    private AggregationTemporality aggregationTemporality = AggregationTemporality.UNSPECIFIED;
    private boolean monotonic;

    /** Standalone, mutable and empty. */
    public Sum() {
    }

    public PList<NumberDataPoint> dataPoints() {
        return dataPoints;
    }

    public AggregationTemporality aggregationTemporality() {
        return aggregationTemporality;
    }

    public Sum setAggregationTemporality(AggregationTemporality aggregationTemporality) {
        checkWritable();
        this.aggregationTemporality = Objects.requireNonNull(aggregationTemporality, "aggregationTemporality");
        return this;
    }

    public boolean isMonotonic() {
        return monotonic;
    }

    /** Upstream's name (SetIsMonotonic). */
    public Sum setIsMonotonic(boolean monotonic) {
        checkWritable();
        this.monotonic = monotonic;
        return this;
    }

    public Sum setMonotonic(boolean monotonic) {
        return setIsMonotonic(monotonic);
    }

    public void copyTo(Sum dest) {
        dest.checkWritable();
        dataPoints.copyTo(dest.dataPoints);
        dest.aggregationTemporality = aggregationTemporality;
        dest.monotonic = monotonic;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Sum that
                && monotonic == that.monotonic && aggregationTemporality == that.aggregationTemporality
                && dataPoints.equals(that.dataPoints);
    }

    @Override
    public int hashCode() {
        return dataPoints.hashCode() * 31 + aggregationTemporality.hashCode();
    }

    @Override
    public String toString() {
        return "Sum{aggregationTemporality=" + aggregationTemporality + ", monotonic=" + monotonic
                + ", dataPoints=" + dataPoints + "}";
    }
}
