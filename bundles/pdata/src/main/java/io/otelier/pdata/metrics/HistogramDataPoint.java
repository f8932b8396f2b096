package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram point with explicit bucket bounds: OTLP's {@code HistogramDataPoint}. Sum, min and max are
 * optional ({@code hasSum()} …). Bucket counts and bounds are handed out as copies; the indexed accessors read
 * without copying.
 */
public final class HistogramDataPoint extends DataPoint<HistogramDataPoint> {

    private static final long[] NO_COUNTS = new long[0];
    private static final double[] NO_BOUNDS = new double[0];

    private long count;
    private boolean hasSum;
    private double sum;
    private long[] bucketCounts = NO_COUNTS;
    private double[] explicitBounds = NO_BOUNDS;
    private final PList<Exemplar> exemplars = adopt(new PList<>(Exemplar::new, Exemplar::copyTo));
    private boolean hasMin;
    private double min;
    private boolean hasMax;
    private double max;

    /** A standalone, mutable, empty point. */
    public HistogramDataPoint() {
    }

    public long count() {
        return count;
    }

    public HistogramDataPoint setCount(long count) {
        checkWritable();
        this.count = count;
        return this;
    }

    public boolean hasSum() {
        return hasSum;
    }

    /** The sum, or 0 when unset. */
    public double sum() {
        return sum;
    }

    public HistogramDataPoint setSum(double sum) {
        checkWritable();
        this.sum = sum;
        hasSum = true;
        return this;
    }

    public HistogramDataPoint removeSum() {
        checkWritable();
        sum = 0;
        hasSum = false;
        return this;
    }

    /** A copy. */
    public long[] bucketCounts() {
        return bucketCounts.clone();
    }

    public int bucketCountsCount() {
        return bucketCounts.length;
    }

    public long bucketCount(int index) {
        return bucketCounts[index];
    }

    /** Copies {@code counts}. */
    public HistogramDataPoint setBucketCounts(long... counts) {
        checkWritable();
        bucketCounts = counts.length == 0 ? NO_COUNTS : counts.clone();
        return this;
    }

    /** A copy. */
    public double[] explicitBounds() {
        return explicitBounds.clone();
    }

    public int explicitBoundsCount() {
        return explicitBounds.length;
    }

    public double explicitBound(int index) {
        return explicitBounds[index];
    }

    /** Copies {@code bounds}. */
    public HistogramDataPoint setExplicitBounds(double... bounds) {
        checkWritable();
        explicitBounds = bounds.length == 0 ? NO_BOUNDS : bounds.clone();
        return this;
    }

    public PList<Exemplar> exemplars() {
        return exemplars;
    }

    public boolean hasMin() {
        return hasMin;
    }

    /** The minimum, or 0 when unset. */
    public double min() {
        return min;
    }

    public HistogramDataPoint setMin(double min) {
        checkWritable();
        this.min = min;
        hasMin = true;
        return this;
    }

    public HistogramDataPoint removeMin() {
        checkWritable();
        min = 0;
        hasMin = false;
        return this;
    }

    public boolean hasMax() {
        return hasMax;
    }

    /** The maximum, or 0 when unset. */
    public double max() {
        return max;
    }

    public HistogramDataPoint setMax(double max) {
        checkWritable();
        this.max = max;
        hasMax = true;
        return this;
    }

    public HistogramDataPoint removeMax() {
        checkWritable();
        max = 0;
        hasMax = false;
        return this;
    }

    @Override
    public void copyTo(HistogramDataPoint dest) {
        copyCommonTo(dest);
        dest.count = count;
        dest.hasSum = hasSum;
        dest.sum = sum;
        dest.bucketCounts = bucketCounts; // never mutated in place: setters replace the array
        dest.explicitBounds = explicitBounds;
        exemplars.copyTo(dest.exemplars);
        dest.hasMin = hasMin;
        dest.min = min;
        dest.hasMax = hasMax;
        dest.max = max;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof HistogramDataPoint that && commonEquals(that)
                && count == that.count
                && hasSum == that.hasSum && Double.compare(sum, that.sum) == 0
                && hasMin == that.hasMin && Double.compare(min, that.min) == 0
                && hasMax == that.hasMax && Double.compare(max, that.max) == 0
                && Arrays.equals(bucketCounts, that.bucketCounts) && Arrays.equals(explicitBounds, that.explicitBounds)
                && exemplars.equals(that.exemplars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commonHash(), count, sum, Arrays.hashCode(bucketCounts), Arrays.hashCode(explicitBounds));
    }

    @Override
    public String toString() {
        return "HistogramDataPoint{count=" + count + ", sum=" + (hasSum ? sum : "unset")
                + ", min=" + (hasMin ? min : "unset") + ", max=" + (hasMax ? max : "unset")
                + ", bucketCounts=" + Arrays.toString(bucketCounts)
                + ", explicitBounds=" + Arrays.toString(explicitBounds) + ", " + commonFields()
                + ", exemplars=" + exemplars + "}";
    }
}
