package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import java.util.Arrays;
import java.util.Objects;

/**
 * A histogram point with exponential buckets: OTLP's {@code ExponentialHistogramDataPoint}. Sum, min and max
 * are optional ({@code hasSum()} …).
 */
public final class ExponentialHistogramDataPoint extends DataPoint<ExponentialHistogramDataPoint> {

    private long count;
    private boolean hasSum;
    private double sum;
    private int scale;
    private long zeroCount;
    private final Buckets positive = adopt(new Buckets());
    private final Buckets negative = adopt(new Buckets());
    private final PList<Exemplar> exemplars = adopt(new PList<>(Exemplar::new, Exemplar::copyTo));
    private boolean hasMin;
    private double min;
    private boolean hasMax;
    private double max;
    private double zeroThreshold;

    /** A standalone, mutable, empty point. */
    public ExponentialHistogramDataPoint() {
    }

    public long count() {
        return count;
    }

    public ExponentialHistogramDataPoint setCount(long count) {
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

    public ExponentialHistogramDataPoint setSum(double sum) {
        checkWritable();
        this.sum = sum;
        hasSum = true;
        return this;
    }

    public ExponentialHistogramDataPoint removeSum() {
        checkWritable();
        sum = 0;
        hasSum = false;
        return this;
    }

    /** sint32 on the wire. */
    public int scale() {
        return scale;
    }

    public ExponentialHistogramDataPoint setScale(long scale) {
        checkWritable();
        this.scale = checkInt32(scale, "scale");
        return this;
    }

    public long zeroCount() {
        return zeroCount;
    }

    public ExponentialHistogramDataPoint setZeroCount(long zeroCount) {
        checkWritable();
        this.zeroCount = zeroCount;
        return this;
    }

    public Buckets positive() {
        return positive;
    }

    public Buckets negative() {
        return negative;
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

    public ExponentialHistogramDataPoint setMin(double min) {
        checkWritable();
        this.min = min;
        hasMin = true;
        return this;
    }

    public ExponentialHistogramDataPoint removeMin() {
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

    public ExponentialHistogramDataPoint setMax(double max) {
        checkWritable();
        this.max = max;
        hasMax = true;
        return this;
    }

    public ExponentialHistogramDataPoint removeMax() {
        checkWritable();
        max = 0;
        hasMax = false;
        return this;
    }

    public double zeroThreshold() {
        return zeroThreshold;
    }

    public ExponentialHistogramDataPoint setZeroThreshold(double zeroThreshold) {
        checkWritable();
        this.zeroThreshold = zeroThreshold;
        return this;
    }

    @Override
    public void copyTo(ExponentialHistogramDataPoint dest) {
        copyCommonTo(dest);
        dest.count = count;
        dest.hasSum = hasSum;
        dest.sum = sum;
        dest.scale = scale;
        dest.zeroCount = zeroCount;
        positive.copyTo(dest.positive);
        negative.copyTo(dest.negative);
        exemplars.copyTo(dest.exemplars);
        dest.hasMin = hasMin;
        dest.min = min;
        dest.hasMax = hasMax;
        dest.max = max;
        dest.zeroThreshold = zeroThreshold;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ExponentialHistogramDataPoint that && commonEquals(that)
                && count == that.count && scale == that.scale && zeroCount == that.zeroCount
                && hasSum == that.hasSum && Double.compare(sum, that.sum) == 0
                && hasMin == that.hasMin && Double.compare(min, that.min) == 0
                && hasMax == that.hasMax && Double.compare(max, that.max) == 0
                && Double.compare(zeroThreshold, that.zeroThreshold) == 0
                && positive.equals(that.positive) && negative.equals(that.negative)
                && exemplars.equals(that.exemplars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commonHash(), count, sum, scale, zeroCount, positive, negative);
    }

    @Override
    public String toString() {
        return "ExponentialHistogramDataPoint{count=" + count + ", sum=" + (hasSum ? sum : "unset")
                + ", min=" + (hasMin ? min : "unset") + ", max=" + (hasMax ? max : "unset")
                + ", scale=" + scale + ", zeroCount=" + zeroCount + ", zeroThreshold=" + zeroThreshold
                + ", positive=" + positive + ", negative=" + negative + ", " + commonFields()
                + ", exemplars=" + exemplars + "}";
    }

    /** One side's buckets: OTLP's {@code ExponentialHistogramDataPoint.Buckets}. */
    public static final class Buckets extends TreeNode {

        private static final long[] NO_COUNTS = new long[0];

        private int offset;
        private long[] bucketCounts = NO_COUNTS;

        /** Standalone, mutable, empty buckets. */
        public Buckets() {
        }

        /** sint32 on the wire: the index of the first bucket. */
        public int offset() {
            return offset;
        }

        public Buckets setOffset(long offset) {
            checkWritable();
            this.offset = checkInt32(offset, "offset");
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
        public Buckets setBucketCounts(long... counts) {
            checkWritable();
            bucketCounts = counts.length == 0 ? NO_COUNTS : counts.clone();
            return this;
        }

        public void copyTo(Buckets dest) {
            dest.checkWritable();
            dest.offset = offset;
            dest.bucketCounts = bucketCounts; // never mutated in place: setters replace the array
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Buckets that
                    && offset == that.offset && Arrays.equals(bucketCounts, that.bucketCounts);
        }

        @Override
        public int hashCode() {
            return offset * 31 + Arrays.hashCode(bucketCounts);
        }

        @Override
        public String toString() {
            return "Buckets{offset=" + offset + ", bucketCounts=" + Arrays.toString(bucketCounts) + "}";
        }
    }
}
