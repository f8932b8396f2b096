package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.ProtoReader.FIXED64;
import static io.otelier.pdata.otlp.ProtoReader.LEN;
import static io.otelier.pdata.otlp.ProtoReader.VARINT;
import static io.otelier.pdata.otlp.ProtoReader.known;
import static io.otelier.pdata.otlp.ProtoReader.names;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.ExponentialHistogram;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.Histogram;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.metrics.SummaryDataPoint;
import java.io.IOException;
import java.util.Arrays;

/** Reads {@code ExportMetricsServiceRequest} (the same layout as {@code MetricsData}). */
final class MetricProtoDecoder {

    static final String[] REQUEST = names(1, "resource_metrics");
    static final String[] RESOURCE_METRICS = names(1, "resource", 2, "scope_metrics", 3, "schema_url",
            1000, "instrumentation_library_metrics");
    static final String[] SCOPE_METRICS = names(1, "scope", 2, "metrics", 3, "schema_url");
    static final String[] METRIC = names(1, "name", 2, "description", 3, "unit", 5, "gauge", 7, "sum",
            9, "histogram", 10, "exponential_histogram", 11, "summary", 12, "metadata");
    static final String[] POINTS_ONLY = names(1, "data_points");
    static final String[] SUM = names(1, "data_points", 2, "aggregation_temporality", 3, "is_monotonic");
    static final String[] HISTOGRAM = names(1, "data_points", 2, "aggregation_temporality");
    static final String[] NUMBER_POINT = names(2, "start_time_unix_nano", 3, "time_unix_nano", 4, "as_double",
            5, "exemplars", 6, "as_int", 7, "attributes", 8, "flags");
    static final String[] HISTOGRAM_POINT = names(2, "start_time_unix_nano", 3, "time_unix_nano", 4, "count",
            5, "sum", 6, "bucket_counts", 7, "explicit_bounds", 8, "exemplars", 9, "attributes", 10, "flags",
            11, "min", 12, "max");
    static final String[] EXPONENTIAL_POINT = names(1, "attributes", 2, "start_time_unix_nano", 3, "time_unix_nano",
            4, "count", 5, "sum", 6, "scale", 7, "zero_count", 8, "positive", 9, "negative", 10, "flags",
            11, "exemplars", 12, "min", 13, "max", 14, "zero_threshold");
    static final String[] BUCKETS = names(1, "offset", 2, "bucket_counts");
    static final String[] SUMMARY_POINT = names(2, "start_time_unix_nano", 3, "time_unix_nano", 4, "count",
            5, "sum", 6, "quantile_values", 7, "attributes", 8, "flags");
    static final String[] QUANTILE = names(1, "quantile", 2, "value");
    static final String[] EXEMPLAR = names(2, "time_unix_nano", 3, "as_double", 4, "span_id", 5, "trace_id",
            6, "as_int", 7, "filtered_attributes");

    private static final long REQUEST_KNOWN = known(REQUEST);
    private static final long RESOURCE_METRICS_KNOWN = known(RESOURCE_METRICS);
    private static final long SCOPE_METRICS_KNOWN = known(SCOPE_METRICS);
    private static final long METRIC_KNOWN = known(METRIC);
    private static final long POINTS_ONLY_KNOWN = known(POINTS_ONLY);
    private static final long SUM_KNOWN = known(SUM);
    private static final long HISTOGRAM_KNOWN = known(HISTOGRAM);
    private static final long NUMBER_POINT_KNOWN = known(NUMBER_POINT);
    private static final long HISTOGRAM_POINT_KNOWN = known(HISTOGRAM_POINT);
    private static final long EXPONENTIAL_POINT_KNOWN = known(EXPONENTIAL_POINT);
    private static final long BUCKETS_KNOWN = known(BUCKETS);
    private static final long SUMMARY_POINT_KNOWN = known(SUMMARY_POINT);
    private static final long QUANTILE_KNOWN = known(QUANTILE);
    private static final long EXEMPLAR_KNOWN = known(EXEMPLAR);

    /** Field 1000 of ResourceMetrics: {@code instrumentation_library_metrics} of OTLP before 0.19. */
    private static final int DEPRECATED_SCOPE_METRICS = 1000 << 3 | LEN;

    private MetricProtoDecoder() {
    }

    static void readRequest(ProtoReader r, Metrics metrics) throws IOException, OtlpDecodeException {
        PList<ResourceMetrics> resourceMetrics = metrics.resourceMetrics();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == (1 << 3 | LEN)) {
                readResourceMetrics(r, resourceMetrics);
            } else {
                r.skipField(tag, REQUEST_KNOWN);
            }
        }
    }

    private static void readResourceMetrics(ProtoReader r, PList<ResourceMetrics> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(RESOURCE_METRICS, list.size());
        ResourceMetrics resourceMetrics = list.addNew();
        ResourceMetrics deprecated = null;
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readResource(r, resourceMetrics.resource());
                case 2 << 3 | LEN -> readScopeMetrics(r, resourceMetrics.scopeMetrics());
                case 3 << 3 | LEN -> resourceMetrics.setSchemaUrl(r.readString());
                case DEPRECATED_SCOPE_METRICS -> {
                    deprecated = deprecated == null ? new ResourceMetrics() : deprecated;
                    readScopeMetrics(r, deprecated.scopeMetrics());
                }
                default -> r.skipField(tag, RESOURCE_METRICS_KNOWN);
            }
        }
        r.leave(limit);
        if (deprecated != null && resourceMetrics.scopeMetrics().isEmpty()) {
            deprecated.scopeMetrics().moveAllTo(resourceMetrics.scopeMetrics());
        }
    }

    private static void readScopeMetrics(ProtoReader r, PList<ScopeMetrics> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(SCOPE_METRICS, list.size());
        ScopeMetrics scopeMetrics = list.addNew();
        // Items are read into a detached list and moved in at the end: each setter checks that its tree is not
        // read-only by walking up to the root, a walk of two or three nodes from a detached list instead of eight.
        PList<Metric> metrics = new PList<>(Metric::new, Metric::copyTo);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readScope(r, scopeMetrics.scope());
                case 2 << 3 | LEN -> readMetric(r, metrics);
                case 3 << 3 | LEN -> scopeMetrics.setSchemaUrl(r.readString());
                default -> r.skipField(tag, SCOPE_METRICS_KNOWN);
            }
        }
        r.leave(limit);
        metrics.moveAllTo(scopeMetrics.metrics());
    }

    private static void readMetric(ProtoReader r, PList<Metric> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(METRIC, list.size());
        Metric metric = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            // the data is a oneof: a later member replaces an earlier one, as protobuf does
            switch (tag) {
                case 1 << 3 | LEN -> metric.setName(r.readName());
                case 2 << 3 | LEN -> metric.setDescription(r.readName());
                case 3 << 3 | LEN -> metric.setUnit(r.readName());
                case 5 << 3 | LEN -> readGauge(r, metric);
                case 7 << 3 | LEN -> readSum(r, metric);
                case 9 << 3 | LEN -> readHistogram(r, metric);
                case 10 << 3 | LEN -> readExponentialHistogram(r, metric);
                case 11 << 3 | LEN -> readSummary(r, metric);
                case 12 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, metric.metadata());
                default -> r.skipField(tag, METRIC_KNOWN);
            }
        }
        r.leave(limit);
    }

    // A oneof member repeated on the wire merges into the one already there, as protobuf does.

    private static void readGauge(ProtoReader r, Metric metric) throws IOException, OtlpDecodeException {
        PList<NumberDataPoint> points = (metric.type() == MetricType.GAUGE
                ? metric.gauge() : metric.setEmptyGauge()).dataPoints();
        int limit = r.enter(POINTS_ONLY, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == (1 << 3 | LEN)) {
                readNumberPoint(r, points);
            } else {
                r.skipField(tag, POINTS_ONLY_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readSum(ProtoReader r, Metric metric) throws IOException, OtlpDecodeException {
        Sum sum = metric.type() == MetricType.SUM ? metric.sum() : metric.setEmptySum();
        int limit = r.enter(SUM, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> readNumberPoint(r, sum.dataPoints());
                case 2 << 3 | VARINT -> sum.setAggregationTemporality(AggregationTemporality.fromNumber(r.in.readEnum()));
                case 3 << 3 | VARINT -> sum.setIsMonotonic(r.in.readBool());
                default -> r.skipField(tag, SUM_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readHistogram(ProtoReader r, Metric metric) throws IOException, OtlpDecodeException {
        Histogram histogram = metric.type() == MetricType.HISTOGRAM
                ? metric.histogram() : metric.setEmptyHistogram();
        int limit = r.enter(HISTOGRAM, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> readHistogramPoint(r, histogram.dataPoints());
                case 2 << 3 | VARINT ->
                        histogram.setAggregationTemporality(AggregationTemporality.fromNumber(r.in.readEnum()));
                default -> r.skipField(tag, HISTOGRAM_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readExponentialHistogram(ProtoReader r, Metric metric)
            throws IOException, OtlpDecodeException {
        ExponentialHistogram histogram = metric.type() == MetricType.EXPONENTIAL_HISTOGRAM
                ? metric.exponentialHistogram() : metric.setEmptyExponentialHistogram();
        int limit = r.enter(HISTOGRAM, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> readExponentialPoint(r, histogram.dataPoints());
                case 2 << 3 | VARINT ->
                        histogram.setAggregationTemporality(AggregationTemporality.fromNumber(r.in.readEnum()));
                default -> r.skipField(tag, HISTOGRAM_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readSummary(ProtoReader r, Metric metric) throws IOException, OtlpDecodeException {
        PList<SummaryDataPoint> points = (metric.type() == MetricType.SUMMARY
                ? metric.summary() : metric.setEmptySummary()).dataPoints();
        int limit = r.enter(POINTS_ONLY, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == (1 << 3 | LEN)) {
                readSummaryPoint(r, points);
            } else {
                r.skipField(tag, POINTS_ONLY_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readNumberPoint(ProtoReader r, PList<NumberDataPoint> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(NUMBER_POINT, list.size());
        NumberDataPoint point = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 2 << 3 | FIXED64 -> point.setStartTimeUnixNano(r.in.readFixed64());
                case 3 << 3 | FIXED64 -> point.setTimeUnixNano(r.in.readFixed64());
                case 4 << 3 | FIXED64 -> point.setDoubleValue(r.in.readDouble());
                case 5 << 3 | LEN -> readExemplar(r, point.exemplars());
                case 6 << 3 | FIXED64 -> point.setIntValue(r.in.readSFixed64());
                case 7 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, point.attributes());
                case 8 << 3 | VARINT -> point.setFlags(r.readUInt32());
                default -> r.skipField(tag, NUMBER_POINT_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readHistogramPoint(ProtoReader r, PList<HistogramDataPoint> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(HISTOGRAM_POINT, list.size());
        HistogramDataPoint point = list.addNew();
        r.clearScalars();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 2 << 3 | FIXED64 -> point.setStartTimeUnixNano(r.in.readFixed64());
                case 3 << 3 | FIXED64 -> point.setTimeUnixNano(r.in.readFixed64());
                case 4 << 3 | FIXED64 -> point.setCount(r.in.readFixed64());
                case 5 << 3 | FIXED64 -> point.setSum(r.in.readDouble());
                case 6 << 3 | LEN -> r.addPackedFixed64();
                case 6 << 3 | FIXED64 -> r.addFixed64();
                case 7 << 3 | LEN -> r.addPackedDouble();
                case 7 << 3 | FIXED64 -> r.addDouble();
                case 8 << 3 | LEN -> readExemplar(r, point.exemplars());
                case 9 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, point.attributes());
                case 10 << 3 | VARINT -> point.setFlags(r.readUInt32());
                case 11 << 3 | FIXED64 -> point.setMin(r.in.readDouble());
                case 12 << 3 | FIXED64 -> point.setMax(r.in.readDouble());
                default -> r.skipField(tag, HISTOGRAM_POINT_KNOWN);
            }
        }
        long[] counts = r.longs();
        if (counts != null) {
            point.setBucketCounts(counts);
        }
        double[] bounds = r.doubles();
        if (bounds != null) {
            point.setExplicitBounds(bounds);
        }
        r.leave(limit);
    }

    private static void readExponentialPoint(ProtoReader r, PList<ExponentialHistogramDataPoint> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(EXPONENTIAL_POINT, list.size());
        ExponentialHistogramDataPoint point = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, point.attributes());
                case 2 << 3 | FIXED64 -> point.setStartTimeUnixNano(r.in.readFixed64());
                case 3 << 3 | FIXED64 -> point.setTimeUnixNano(r.in.readFixed64());
                case 4 << 3 | FIXED64 -> point.setCount(r.in.readFixed64());
                case 5 << 3 | FIXED64 -> point.setSum(r.in.readDouble());
                case 6 << 3 | VARINT -> point.setScale(r.in.readSInt32());
                case 7 << 3 | FIXED64 -> point.setZeroCount(r.in.readFixed64());
                case 8 << 3 | LEN -> readBuckets(r, point.positive());
                case 9 << 3 | LEN -> readBuckets(r, point.negative());
                case 10 << 3 | VARINT -> point.setFlags(r.readUInt32());
                case 11 << 3 | LEN -> readExemplar(r, point.exemplars());
                case 12 << 3 | FIXED64 -> point.setMin(r.in.readDouble());
                case 13 << 3 | FIXED64 -> point.setMax(r.in.readDouble());
                case 14 << 3 | FIXED64 -> point.setZeroThreshold(r.in.readDouble());
                default -> r.skipField(tag, EXPONENTIAL_POINT_KNOWN);
            }
        }
        r.leave(limit);
    }

    /** A buckets message repeated on the wire merges into the earlier one: offset replaced, counts appended. */
    private static void readBuckets(ProtoReader r, ExponentialHistogramDataPoint.Buckets buckets)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(BUCKETS, -1);
        r.clearScalars();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | VARINT -> buckets.setOffset(r.in.readSInt32());
                case 2 << 3 | LEN -> r.addPackedVarint64();
                case 2 << 3 | VARINT -> r.addVarint64();
                default -> r.skipField(tag, BUCKETS_KNOWN);
            }
        }
        long[] counts = r.longs();
        if (counts != null) {
            if (buckets.bucketCountsCount() > 0) {
                counts = concat(buckets.bucketCounts(), counts);
            }
            buckets.setBucketCounts(counts);
        }
        r.leave(limit);
    }

    private static void readSummaryPoint(ProtoReader r, PList<SummaryDataPoint> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(SUMMARY_POINT, list.size());
        SummaryDataPoint point = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 2 << 3 | FIXED64 -> point.setStartTimeUnixNano(r.in.readFixed64());
                case 3 << 3 | FIXED64 -> point.setTimeUnixNano(r.in.readFixed64());
                case 4 << 3 | FIXED64 -> point.setCount(r.in.readFixed64());
                case 5 << 3 | FIXED64 -> point.setSum(r.in.readDouble());
                case 6 << 3 | LEN -> readQuantile(r, point.quantileValues());
                case 7 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, point.attributes());
                case 8 << 3 | VARINT -> point.setFlags(r.readUInt32());
                default -> r.skipField(tag, SUMMARY_POINT_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readQuantile(ProtoReader r, PList<SummaryDataPoint.ValueAtQuantile> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(QUANTILE, list.size());
        SummaryDataPoint.ValueAtQuantile quantile = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | FIXED64 -> quantile.setQuantile(r.in.readDouble());
                case 2 << 3 | FIXED64 -> quantile.setValue(r.in.readDouble());
                default -> r.skipField(tag, QUANTILE_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readExemplar(ProtoReader r, PList<Exemplar> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(EXEMPLAR, list.size());
        Exemplar exemplar = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 2 << 3 | FIXED64 -> exemplar.setTimeUnixNano(r.in.readFixed64());
                case 3 << 3 | FIXED64 -> exemplar.setDoubleValue(r.in.readDouble());
                case 4 << 3 | LEN -> exemplar.setSpanId(r.readSpanId());
                case 5 << 3 | LEN -> exemplar.setTraceId(r.readTraceId());
                case 6 << 3 | FIXED64 -> exemplar.setIntValue(r.in.readSFixed64());
                case 7 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, exemplar.filteredAttributes());
                default -> r.skipField(tag, EXEMPLAR_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static long[] concat(long[] first, long[] second) {
        long[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
