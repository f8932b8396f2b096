package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;

/** A gauge: the last value of a measurement; OTLP's {@code Gauge}. */
public final class Gauge extends TreeNode {

    private final PList<NumberDataPoint> dataPoints = adopt(
            new PList<>(NumberDataPoint::new, NumberDataPoint::copyTo));

    /** Standalone, mutable and empty. */
    public Gauge() {
    }

    public PList<NumberDataPoint> dataPoints() {
        return dataPoints;
    }

    public void copyTo(Gauge dest) {
        dest.checkWritable();
        dataPoints.copyTo(dest.dataPoints);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Gauge that
                && dataPoints.equals(that.dataPoints);
    }

    @Override
    public int hashCode() {
        return dataPoints.hashCode();
    }

    @Override
    public String toString() {
        return "Gauge{dataPoints=" + dataPoints + "}";
    }
}
