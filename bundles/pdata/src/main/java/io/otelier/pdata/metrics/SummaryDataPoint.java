package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** A summary point with quantiles: OTLP's {@code SummaryDataPoint}. */
public final class SummaryDataPoint extends DataPoint<SummaryDataPoint> {

    private long count;
    private double sum;
    private final PList<ValueAtQuantile> quantileValues =
            adopt(new PList<>(ValueAtQuantile::new, ValueAtQuantile::copyTo));

    /** A standalone, mutable, empty point. */
    public SummaryDataPoint() {
    }

    public long count() {
        return count;
    }

    public SummaryDataPoint setCount(long count) {
        checkWritable();
        this.count = count;
        return this;
    }

    public double sum() {
        return sum;
    }

    public SummaryDataPoint setSum(double sum) {
        checkWritable();
        this.sum = sum;
        return this;
    }

    public PList<ValueAtQuantile> quantileValues() {
        return quantileValues;
    }

    @Override
    public void copyTo(SummaryDataPoint dest) {
        copyCommonTo(dest);
        dest.count = count;
        dest.sum = sum;
        quantileValues.copyTo(dest.quantileValues);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SummaryDataPoint that && commonEquals(that)
                && count == that.count && Double.compare(sum, that.sum) == 0
                && quantileValues.equals(that.quantileValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(commonHash(), count, sum, quantileValues);
    }

    @Override
    public String toString() {
        return "SummaryDataPoint{count=" + count + ", sum=" + sum + ", quantileValues=" + quantileValues + ", "
                + commonFields() + "}";
    }

    /** One quantile of a summary: OTLP's {@code SummaryDataPoint.ValueAtQuantile}. */
    public static final class ValueAtQuantile extends TreeNode {

        private double quantile;
        private double value;

        /** A standalone, mutable, zero quantile. */
        public ValueAtQuantile() {
        }

        /** Between 0 and 1. */
        public double quantile() {
            return quantile;
        }

        public ValueAtQuantile setQuantile(double quantile) {
            checkWritable();
            this.quantile = quantile;
            return this;
        }

        public double value() {
            return value;
        }

        public ValueAtQuantile setValue(double value) {
            checkWritable();
            this.value = value;
            return this;
        }

        public void copyTo(ValueAtQuantile dest) {
            dest.checkWritable();
            dest.quantile = quantile;
            dest.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof ValueAtQuantile that
                    && Double.compare(quantile, that.quantile) == 0 && Double.compare(value, that.value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(quantile) * 31 + Double.hashCode(value);
        }

        @Override
        public String toString() {
            return "ValueAtQuantile{quantile=" + quantile + ", value=" + value + "}";
        }
    }
}
