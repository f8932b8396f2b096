package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;

/**
 * Detailed verbosity for metrics: descriptor and every field of every data point, for all five point types
 * (upstream internal/otlptext/metrics.go and databuffer.go).
 */
final class DetailedMetrics {

    private DetailedMetrics() {
    }

    static String marshal(Metrics metrics) {
        DetailBuffer buf = new DetailBuffer();
        for (int i = 0; i < metrics.resourceMetrics().size(); i++) {
            ResourceMetrics resourceMetrics = metrics.resourceMetrics().get(i);
            buf.line("ResourceMetrics #" + i)
                    .line("Resource SchemaURL: " + resourceMetrics.schemaUrl())
                    .attributes("Resource attributes", resourceMetrics.resource().attributes());
            for (int j = 0; j < resourceMetrics.scopeMetrics().size(); j++) {
                ScopeMetrics scopeMetrics = resourceMetrics.scopeMetrics().get(j);
                buf.line("ScopeMetrics #" + j)
                        .line("ScopeMetrics SchemaURL: " + scopeMetrics.schemaUrl())
                        .scope(scopeMetrics.scope());
                for (int k = 0; k < scopeMetrics.metrics().size(); k++) {
                    Metric metric = scopeMetrics.metrics().get(k);
                    buf.line("Metric #" + k);
                    appendDescriptor(buf, metric);
                    appendData(buf, metric);
                }
            }
        }
        return buf.toString();
    }

    private static void appendDescriptor(DetailBuffer buf, Metric metric) {
        buf.line("Descriptor:")
                .line("     -> Name: " + metric.name())
                .line("     -> Description: " + metric.description())
                .line("     -> Unit: " + metric.unit())
                .line("     -> DataType: " + GoFormat.enumName(metric.type()))
                .attributes("     -> Metadata", metric.metadata());
    }

    private static void appendData(DetailBuffer buf, Metric metric) {
        switch (metric.type()) {
            case GAUGE -> appendNumberPoints(buf, metric.gauge().dataPoints());
            case SUM -> {
                buf.line("     -> IsMonotonic: " + metric.sum().isMonotonic());
                appendTemporality(buf, metric.sum().aggregationTemporality());
                appendNumberPoints(buf, metric.sum().dataPoints());
            }
            case HISTOGRAM -> {
                appendTemporality(buf, metric.histogram().aggregationTemporality());
                appendHistogramPoints(buf, metric.histogram().dataPoints());
            }
            case EXPONENTIAL_HISTOGRAM -> {
                appendTemporality(buf, metric.exponentialHistogram().aggregationTemporality());
                appendExponentialPoints(buf, metric.exponentialHistogram().dataPoints());
            }
            case SUMMARY -> appendSummaryPoints(buf, metric.summary().dataPoints());
            case EMPTY -> {
                // the descriptor is all there is
            }
        }
    }

    private static void appendTemporality(DetailBuffer buf, AggregationTemporality temporality) {
        buf.line("     -> AggregationTemporality: " + GoFormat.enumName(temporality));
    }

    private static void appendNumberPoints(DetailBuffer buf, PList<NumberDataPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            NumberDataPoint point = points.get(i);
            appendPointHeader(buf, "NumberDataPoints #" + i, point);
            switch (point.valueType()) {
                case INT -> buf.line("Value: " + point.intValue());
                case DOUBLE -> buf.line("Value: " + GoFormat.f(point.doubleValue()));
                case EMPTY -> {
                    // upstream prints no value line
                }
            }
            buf.exemplars(point.exemplars());
        }
    }

    private static void appendHistogramPoints(DetailBuffer buf, PList<HistogramDataPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            HistogramDataPoint point = points.get(i);
            appendPointHeader(buf, "HistogramDataPoints #" + i, point);
            buf.line("Count: " + Long.toUnsignedString(point.count()));
            appendSumMinMax(buf, point.hasSum(), point.sum(), point.hasMin(), point.min(), point.hasMax(), point.max());
            for (int b = 0; b < point.explicitBoundsCount(); b++) {
                buf.line("ExplicitBounds #" + b + ": " + GoFormat.f(point.explicitBound(b)));
            }
            for (int b = 0; b < point.bucketCountsCount(); b++) {
                buf.line("Buckets #" + b + ", Count: " + Long.toUnsignedString(point.bucketCount(b)));
            }
            buf.exemplars(point.exemplars());
        }
    }

    /** Buckets as ranges: negative ones from the largest magnitude down, then the zero bucket, then positive. */
    private static void appendExponentialPoints(DetailBuffer buf, PList<ExponentialHistogramDataPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            ExponentialHistogramDataPoint point = points.get(i);
            appendPointHeader(buf, "ExponentialHistogramDataPoints #" + i, point);
            buf.line("Count: " + Long.toUnsignedString(point.count()));
            appendSumMinMax(buf, point.hasSum(), point.sum(), point.hasMin(), point.min(), point.hasMax(), point.max());
            double factor = ExponentialBuckets.factor(point.scale());
            ExponentialHistogramDataPoint.Buckets negative = point.negative();
            for (int pos = negative.bucketCountsCount() - 1; pos >= 0; pos--) {
                double index = (double) negative.offset() + pos;
                double lower = ExponentialBuckets.boundary(index, factor);
                double upper = ExponentialBuckets.boundary(index + 1, factor);
                buf.line("Bucket [" + GoFormat.f(-upper) + ", " + GoFormat.f(-lower) + "), Count: "
                        + Long.toUnsignedString(negative.bucketCount(pos)));
            }
            if (point.zeroCount() != 0) {
                buf.line("Bucket [0, 0], Count: " + Long.toUnsignedString(point.zeroCount()));
            }
            ExponentialHistogramDataPoint.Buckets positive = point.positive();
            for (int pos = 0; pos < positive.bucketCountsCount(); pos++) {
                double index = (double) positive.offset() + pos;
                double lower = ExponentialBuckets.boundary(index, factor);
                double upper = ExponentialBuckets.boundary(index + 1, factor);
                buf.line("Bucket (" + GoFormat.f(lower) + ", " + GoFormat.f(upper) + "], Count: "
                        + Long.toUnsignedString(positive.bucketCount(pos)));
            }
            buf.exemplars(point.exemplars());
        }
    }

    private static void appendSummaryPoints(DetailBuffer buf, PList<SummaryDataPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            SummaryDataPoint point = points.get(i);
            appendPointHeader(buf, "SummaryDataPoints #" + i, point);
            buf.line("Count: " + Long.toUnsignedString(point.count()))
                    .line("Sum: " + GoFormat.f(point.sum()));
            for (int q = 0; q < point.quantileValues().size(); q++) {
                SummaryDataPoint.ValueAtQuantile quantile = point.quantileValues().get(q);
                buf.line("QuantileValue #" + q + ": Quantile " + GoFormat.f(quantile.quantile()) + ", Value "
                        + GoFormat.f(quantile.value()));
            }
        }
    }

    private static void appendPointHeader(DetailBuffer buf, String title, DataPoint<?> point) {
        buf.line(title)
                .attributes("Data point attributes", point.attributes())
                .line("StartTimestamp: " + GoFormat.timestamp(point.startTimeUnixNano()))
                .line("Timestamp: " + GoFormat.timestamp(point.timeUnixNano()));
    }

    private static void appendSumMinMax(DetailBuffer buf, boolean hasSum, double sum, boolean hasMin, double min,
            boolean hasMax, double max) {
        if (hasSum) {
            buf.line("Sum: " + GoFormat.f(sum));
        }
        if (hasMin) {
            buf.line("Min: " + GoFormat.f(min));
        }
        if (hasMax) {
            buf.line("Max: " + GoFormat.f(max));
        }
    }
}
