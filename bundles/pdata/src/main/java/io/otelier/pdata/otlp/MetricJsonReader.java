package io.otelier.pdata.otlp;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
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
import java.util.Map;

/** Reads OTLP/JSON {@code ExportMetricsServiceRequest}. */
final class MetricJsonReader {

    private static final Map<String, Integer> TEMPORALITIES = CommonJson.enumNames("AGGREGATION_TEMPORALITY_",
            AggregationTemporality.values(), AggregationTemporality::number);

    private MetricJsonReader() {
    }

    static void readRequest(JsonIn in, Metrics metrics) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("resourceMetrics") || field.equals("resource_metrics")) {
                in.startArray();
                while (in.nextElement()) {
                    readResourceMetrics(in, metrics.resourceMetrics().addNew());
                }
            } else {
                in.skip();
            }
        }
    }

    private static void readResourceMetrics(JsonIn in, ResourceMetrics resourceMetrics)
            throws IOException, OtlpDecodeException {
        in.startObject();
        ResourceMetrics deprecated = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "resource" -> CommonJson.readResource(in, resourceMetrics.resource());
                case "scopeMetrics", "scope_metrics" -> readScopeMetricsList(in, resourceMetrics.scopeMetrics());
                case "schemaUrl", "schema_url" -> resourceMetrics.setSchemaUrl(in.string());
                // the pre-0.19 name, still read by upstream; it counts only when scopeMetrics is absent
                case "instrumentationLibraryMetrics", "instrumentation_library_metrics", "deprecatedScopeMetrics",
                        "deprecated_scope_metrics" -> {
                    deprecated = deprecated == null ? new ResourceMetrics() : deprecated;
                    readScopeMetricsList(in, deprecated.scopeMetrics());
                }
                default -> in.skip();
            }
        }
        if (deprecated != null && resourceMetrics.scopeMetrics().isEmpty()) {
            deprecated.scopeMetrics().moveAllTo(resourceMetrics.scopeMetrics());
        }
    }

    private static void readScopeMetricsList(JsonIn in, PList<ScopeMetrics> list)
            throws IOException, OtlpDecodeException {
        in.startArray();
        while (in.nextElement()) {
            ScopeMetrics scopeMetrics = list.addNew();
            in.startObject();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "scope", "instrumentationLibrary", "instrumentation_library" ->
                            CommonJson.readScope(in, scopeMetrics.scope());
                    case "metrics" -> {
                        in.startArray();
                        while (in.nextElement()) {
                            readMetric(in, scopeMetrics.metrics().addNew());
                        }
                    }
                    case "schemaUrl", "schema_url" -> scopeMetrics.setSchemaUrl(in.string());
                    default -> in.skip();
                }
            }
        }
    }

    private static void readMetric(JsonIn in, Metric metric) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "name" -> metric.setName(in.string());
                case "description" -> metric.setDescription(in.string());
                case "unit" -> metric.setUnit(in.string());
                case "gauge" -> readPointsOnly(in, (metric.type() == MetricType.GAUGE
                        ? metric.gauge() : metric.setEmptyGauge()).dataPoints(), null);
                case "sum" -> readSum(in, metric.type() == MetricType.SUM ? metric.sum() : metric.setEmptySum());
                case "histogram" -> readHistogram(in, metric.type() == MetricType.HISTOGRAM
                        ? metric.histogram() : metric.setEmptyHistogram());
                case "exponentialHistogram", "exponential_histogram" ->
                        readExponentialHistogram(in, metric.type() == MetricType.EXPONENTIAL_HISTOGRAM
                                ? metric.exponentialHistogram() : metric.setEmptyExponentialHistogram());
                case "summary" -> readPointsOnly(in, null, (metric.type() == MetricType.SUMMARY
                        ? metric.summary() : metric.setEmptySummary()).dataPoints());
                case "metadata" -> CommonJson.readAttributes(in, metric.metadata());
                default -> in.skip();
            }
        }
    }

    /** A gauge (number points) or a summary (summary points): an object with dataPoints only. */
    private static void readPointsOnly(JsonIn in, PList<NumberDataPoint> numbers, PList<SummaryDataPoint> summaries)
            throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("dataPoints") || field.equals("data_points")) {
                in.startArray();
                while (in.nextElement()) {
                    if (numbers != null) {
                        readNumberPoint(in, numbers.addNew());
                    } else {
                        readSummaryPoint(in, summaries.addNew());
                    }
                }
            } else {
                in.skip();
            }
        }
    }

    private static void readSum(JsonIn in, Sum sum) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "dataPoints", "data_points" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readNumberPoint(in, sum.dataPoints().addNew());
                    }
                }
                case "aggregationTemporality", "aggregation_temporality" -> sum.setAggregationTemporality(
                        AggregationTemporality.fromNumber(in.enumNumber(TEMPORALITIES)));
                case "isMonotonic", "is_monotonic" -> sum.setIsMonotonic(in.bool());
                default -> in.skip();
            }
        }
    }

    private static void readHistogram(JsonIn in, Histogram histogram) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "dataPoints", "data_points" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readHistogramPoint(in, histogram.dataPoints().addNew());
                    }
                }
                case "aggregationTemporality", "aggregation_temporality" -> histogram.setAggregationTemporality(
                        AggregationTemporality.fromNumber(in.enumNumber(TEMPORALITIES)));
                default -> in.skip();
            }
        }
    }

    private static void readExponentialHistogram(JsonIn in, ExponentialHistogram histogram)
            throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "dataPoints", "data_points" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readExponentialPoint(in, histogram.dataPoints().addNew());
                    }
                }
                case "aggregationTemporality", "aggregation_temporality" -> histogram.setAggregationTemporality(
                        AggregationTemporality.fromNumber(in.enumNumber(TEMPORALITIES)));
                default -> in.skip();
            }
        }
    }

    /** The fields every kind of point has; false when {@code field} is not one of them. */
    private static boolean readPointField(JsonIn in, String field, DataPoint<?> point)
            throws IOException, OtlpDecodeException {
        switch (field) {
            case "attributes" -> CommonJson.readAttributes(in, point.attributes());
            case "startTimeUnixNano", "start_time_unix_nano" -> point.setStartTimeUnixNano(in.uint64());
            case "timeUnixNano", "time_unix_nano" -> point.setTimeUnixNano(in.uint64());
            case "flags" -> point.setFlags(in.uint32());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void readNumberPoint(JsonIn in, NumberDataPoint point) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "asDouble", "as_double" -> point.setDoubleValue(in.doubleValue());
                case "asInt", "as_int" -> point.setIntValue(in.int64());
                case "exemplars" -> readExemplars(in, point.exemplars());
                default -> {
                    if (!readPointField(in, field, point)) {
                        in.skip();
                    }
                }
            }
        }
    }

    private static void readHistogramPoint(JsonIn in, HistogramDataPoint point)
            throws IOException, OtlpDecodeException {
        in.startObject();
        in.clearScalars();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "count" -> point.setCount(in.uint64());
                case "sum" -> point.setSum(in.doubleValue());
                case "bucketCounts", "bucket_counts" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        in.addUInt64();
                    }
                }
                case "explicitBounds", "explicit_bounds" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        in.addDouble();
                    }
                }
                case "exemplars" -> readExemplars(in, point.exemplars());
                case "min" -> point.setMin(in.doubleValue());
                case "max" -> point.setMax(in.doubleValue());
                default -> {
                    if (!readPointField(in, field, point)) {
                        in.skip();
                    }
                }
            }
        }
        long[] counts = in.longs();
        if (counts != null) {
            point.setBucketCounts(counts);
        }
        double[] bounds = in.doubles();
        if (bounds != null) {
            point.setExplicitBounds(bounds);
        }
    }

    private static void readExponentialPoint(JsonIn in, ExponentialHistogramDataPoint point)
            throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "count" -> point.setCount(in.uint64());
                case "sum" -> point.setSum(in.doubleValue());
                case "scale" -> point.setScale(in.int32());
                case "zeroCount", "zero_count" -> point.setZeroCount(in.uint64());
                case "positive" -> readBuckets(in, point.positive());
                case "negative" -> readBuckets(in, point.negative());
                case "exemplars" -> readExemplars(in, point.exemplars());
                case "min" -> point.setMin(in.doubleValue());
                case "max" -> point.setMax(in.doubleValue());
                case "zeroThreshold", "zero_threshold" -> point.setZeroThreshold(in.doubleValue());
                default -> {
                    if (!readPointField(in, field, point)) {
                        in.skip();
                    }
                }
            }
        }
    }

    private static void readBuckets(JsonIn in, ExponentialHistogramDataPoint.Buckets buckets)
            throws IOException, OtlpDecodeException {
        in.startObject();
        in.clearScalars();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "offset" -> buckets.setOffset(in.int32());
                case "bucketCounts", "bucket_counts" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        in.addUInt64();
                    }
                }
                default -> in.skip();
            }
        }
        long[] counts = in.longs();
        if (counts != null) {
            buckets.setBucketCounts(counts);
        }
    }

    private static void readSummaryPoint(JsonIn in, SummaryDataPoint point) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "count" -> point.setCount(in.uint64());
                case "sum" -> point.setSum(in.doubleValue());
                case "quantileValues", "quantile_values" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readQuantile(in, point.quantileValues().addNew());
                    }
                }
                default -> {
                    if (!readPointField(in, field, point)) {
                        in.skip();
                    }
                }
            }
        }
    }

    private static void readQuantile(JsonIn in, SummaryDataPoint.ValueAtQuantile quantile)
            throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "quantile" -> quantile.setQuantile(in.doubleValue());
                case "value" -> quantile.setValue(in.doubleValue());
                default -> in.skip();
            }
        }
    }

    private static void readExemplars(JsonIn in, PList<Exemplar> exemplars) throws IOException, OtlpDecodeException {
        in.startArray();
        while (in.nextElement()) {
            Exemplar exemplar = exemplars.addNew();
            in.startObject();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "filteredAttributes", "filtered_attributes" ->
                            CommonJson.readAttributes(in, exemplar.filteredAttributes());
                    case "timeUnixNano", "time_unix_nano" -> exemplar.setTimeUnixNano(in.uint64());
                    case "asDouble", "as_double" -> exemplar.setDoubleValue(in.doubleValue());
                    case "asInt", "as_int" -> exemplar.setIntValue(in.int64());
                    case "traceId", "trace_id" -> exemplar.setTraceId(in.traceId());
                    case "spanId", "span_id" -> exemplar.setSpanId(in.spanId());
                    default -> in.skip();
                }
            }
        }
    }
}
