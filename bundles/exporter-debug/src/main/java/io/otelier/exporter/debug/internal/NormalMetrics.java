package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.pdata.metrics.SummaryDataPoint.ValueAtQuantile;

/**
 * Normal verbosity for metrics: one line per data point, {@code name{k=v,k2=v2} value} (upstream
 * internal/normal/metrics.go). Histograms list their buckets as {@code le<bound>=<count>}.
 */
final class NormalMetrics {

    private NormalMetrics() {
    }

    static String marshal(Metrics metrics) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < metrics.resourceMetrics().size(); i++) {
            ResourceMetrics resourceMetrics = metrics.resourceMetrics().get(i);
            NormalText.appendResourceLine(out, "ResourceMetrics", i, resourceMetrics.schemaUrl(),
                    resourceMetrics.resource().attributes());
            for (int j = 0; j < resourceMetrics.scopeMetrics().size(); j++) {
                ScopeMetrics scopeMetrics = resourceMetrics.scopeMetrics().get(j);
                NormalText.appendScopeLine(out, "ScopeMetrics", j, scopeMetrics.scope(), scopeMetrics.schemaUrl());
                for (Metric metric : scopeMetrics.metrics()) {
                    appendDataPoints(out, metric);
                }
            }
        }
        return out.toString();
    }

    private static void appendDataPoints(StringBuilder out, Metric metric) {
        switch (metric.type()) {
            case GAUGE -> appendNumberPoints(out, metric, metric.gauge().dataPoints());
            case SUM -> appendNumberPoints(out, metric, metric.sum().dataPoints());
            case HISTOGRAM -> metric.histogram().dataPoints().forEach(p -> appendHistogramPoint(out, metric, p));
            case EXPONENTIAL_HISTOGRAM -> metric.exponentialHistogram().dataPoints()
                    .forEach(p -> appendExponentialPoint(out, metric, p));
            case SUMMARY -> metric.summary().dataPoints().forEach(p -> appendSummaryPoint(out, metric, p));
            case EMPTY -> {
                // no data points to print
            }
        }
    }

    private static void appendNumberPoints(StringBuilder out, Metric metric, PList<NumberDataPoint> points) {
        for (NumberDataPoint point : points) {
            appendPrefix(out, metric, point);
            switch (point.valueType()) {
                case INT -> out.append(point.intValue());
                case DOUBLE -> out.append(GoFormat.v(point.doubleValue()));
                case EMPTY -> {
                    // upstream prints the line with an empty value
                }
            }
            out.append('\n');
        }
    }

    private static void appendHistogramPoint(StringBuilder out, Metric metric, HistogramDataPoint point) {
        appendPrefix(out, metric, point);
        out.append("count=").append(Long.toUnsignedString(point.count()));
        appendSumMinMax(out, point.hasSum(), point.sum(), point.hasMin(), point.min(), point.hasMax(), point.max());
        for (int i = 0; i < point.bucketCountsCount(); i++) {
            out.append(' ');
            if (i < point.explicitBoundsCount()) {
                out.append("le").append(GoFormat.v(point.explicitBound(i))).append('=');
            }
            out.append(Long.toUnsignedString(point.bucketCount(i)));
        }
        out.append('\n');
    }

    /** Buckets as upper bounds: negative ones from the largest magnitude down, then zero, then positive. */
    private static void appendExponentialPoint(StringBuilder out, Metric metric, ExponentialHistogramDataPoint point) {
        appendPrefix(out, metric, point);
        out.append("count=").append(Long.toUnsignedString(point.count()));
        appendSumMinMax(out, point.hasSum(), point.sum(), point.hasMin(), point.min(), point.hasMax(), point.max());
        double factor = ExponentialBuckets.factor(point.scale());
        ExponentialHistogramDataPoint.Buckets negative = point.negative();
        for (int j = negative.bucketCountsCount() - 1; j >= 0; j--) {
            double index = (double) negative.offset() + j;
            appendBucket(out, -ExponentialBuckets.boundary(index, factor), negative.bucketCount(j));
        }
        if (point.zeroCount() != 0) {
            out.append(" zero=").append(Long.toUnsignedString(point.zeroCount()));
        }
        ExponentialHistogramDataPoint.Buckets positive = point.positive();
        for (int j = 0; j < positive.bucketCountsCount(); j++) {
            double index = (double) positive.offset() + j;
            appendBucket(out, ExponentialBuckets.boundary(index + 1, factor), positive.bucketCount(j));
        }
        out.append('\n');
    }

    private static void appendSummaryPoint(StringBuilder out, Metric metric, SummaryDataPoint point) {
        appendPrefix(out, metric, point);
        out.append("count=").append(Long.toUnsignedString(point.count()));
        out.append(" sum=").append(GoFormat.f(point.sum()));
        for (ValueAtQuantile quantile : point.quantileValues()) {
            out.append(" q").append(GoFormat.v(quantile.quantile())).append('=').append(GoFormat.v(quantile.value()));
        }
        out.append('\n');
    }

    /** {@code name{k=v,k2=v2} }. */
    private static void appendPrefix(StringBuilder out, Metric metric, DataPoint<?> point) {
        out.append(metric.name()).append('{');
        NormalText.appendAttributes(out, point.attributes(), ",");
        out.append("} ");
    }

    private static void appendSumMinMax(StringBuilder out, boolean hasSum, double sum, boolean hasMin, double min,
            boolean hasMax, double max) {
        if (hasSum) {
            out.append(" sum=").append(GoFormat.v(sum));
        }
        if (hasMin) {
            out.append(" min=").append(GoFormat.v(min));
        }
        if (hasMax) {
            out.append(" max=").append(GoFormat.v(max));
        }
    }

    private static void appendBucket(StringBuilder out, double upperBound, long count) {
        out.append(" le").append(GoFormat.v(upperBound)).append('=').append(Long.toUnsignedString(count));
    }
}
