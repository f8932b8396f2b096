package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.CommonJson.ATTRIBUTES;
import static io.otelier.pdata.otlp.CommonJson.FLAGS;
import static io.otelier.pdata.otlp.CommonJson.NAME;
import static io.otelier.pdata.otlp.CommonJson.SCHEMA_URL;
import static io.otelier.pdata.otlp.CommonJson.SPAN_ID;
import static io.otelier.pdata.otlp.CommonJson.START_TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.CommonJson.TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.CommonJson.TRACE_ID;
import static io.otelier.pdata.otlp.JsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import java.io.IOException;

/** Writes OTLP/JSON {@code ExportMetricsServiceRequest}, field for field as upstream's marshaler. */
final class MetricJsonWriter {

    private static final SerializableString RESOURCE_METRICS = name("resourceMetrics");
    private static final SerializableString SCOPE_METRICS = name("scopeMetrics");
    private static final SerializableString METRICS = name("metrics");
    private static final SerializableString DESCRIPTION = name("description");
    private static final SerializableString UNIT = name("unit");
    private static final SerializableString GAUGE = name("gauge");
    private static final SerializableString SUM = name("sum");
    private static final SerializableString HISTOGRAM = name("histogram");
    private static final SerializableString EXPONENTIAL_HISTOGRAM = name("exponentialHistogram");
    private static final SerializableString SUMMARY = name("summary");
    private static final SerializableString METADATA = name("metadata");
    private static final SerializableString DATA_POINTS = name("dataPoints");
    private static final SerializableString AGGREGATION_TEMPORALITY = name("aggregationTemporality");
    private static final SerializableString IS_MONOTONIC = name("isMonotonic");
    private static final SerializableString AS_DOUBLE = name("asDouble");
    private static final SerializableString AS_INT = name("asInt");
    private static final SerializableString EXEMPLARS = name("exemplars");
    private static final SerializableString COUNT = name("count");
    private static final SerializableString BUCKET_COUNTS = name("bucketCounts");
    private static final SerializableString EXPLICIT_BOUNDS = name("explicitBounds");
    private static final SerializableString MIN = name("min");
    private static final SerializableString MAX = name("max");
    private static final SerializableString SCALE = name("scale");
    private static final SerializableString ZERO_COUNT = name("zeroCount");
    private static final SerializableString POSITIVE = name("positive");
    private static final SerializableString NEGATIVE = name("negative");
    private static final SerializableString OFFSET = name("offset");
    private static final SerializableString ZERO_THRESHOLD = name("zeroThreshold");
    private static final SerializableString QUANTILE_VALUES = name("quantileValues");
    private static final SerializableString QUANTILE = name("quantile");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString FILTERED_ATTRIBUTES = name("filteredAttributes");

    private MetricJsonWriter() {
    }

    static void writeRequest(JsonOut out, Metrics metrics) throws IOException {
        out.startObject();
        PList<ResourceMetrics> list = metrics.resourceMetrics();
        if (!list.isEmpty()) {
            out.field(RESOURCE_METRICS);
            out.startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeResourceMetrics(out, list.get(i));
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void writeResourceMetrics(JsonOut out, ResourceMetrics resourceMetrics) throws IOException {
        out.startObject();
        CommonJson.writeResource(out, resourceMetrics.resource());
        PList<ScopeMetrics> list = resourceMetrics.scopeMetrics();
        if (!list.isEmpty()) {
            out.field(SCOPE_METRICS);
            out.startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeScopeMetrics(out, list.get(i));
            }
            out.endArray();
        }
        out.stringIfSet(SCHEMA_URL, resourceMetrics.schemaUrl());
        out.endObject();
    }

    private static void writeScopeMetrics(JsonOut out, ScopeMetrics scopeMetrics) throws IOException {
        out.startObject();
        CommonJson.writeScope(out, scopeMetrics.scope());
        PList<Metric> metrics = scopeMetrics.metrics();
        if (!metrics.isEmpty()) {
            out.field(METRICS);
            out.startArray();
            for (int i = 0, n = metrics.size(); i < n; i++) {
                writeMetric(out, metrics.get(i));
            }
            out.endArray();
        }
        out.stringIfSet(SCHEMA_URL, scopeMetrics.schemaUrl());
        out.endObject();
    }

    private static void writeMetric(JsonOut out, Metric metric) throws IOException {
        out.startObject();
        out.stringIfSet(NAME, metric.name());
        out.stringIfSet(DESCRIPTION, metric.description());
        out.stringIfSet(UNIT, metric.unit());
        switch (metric.type()) {
            case EMPTY -> {
            }
            case GAUGE -> {
                out.field(GAUGE);
                out.startObject();
                writeNumberPoints(out, metric.gauge().dataPoints());
                out.endObject();
            }
            case SUM -> {
                out.field(SUM);
                out.startObject();
                writeNumberPoints(out, metric.sum().dataPoints());
                writeTemporality(out, metric.sum().aggregationTemporality());
                if (metric.sum().isMonotonic()) {
                    out.field(IS_MONOTONIC);
                    out.bool(true);
                }
                out.endObject();
            }
            case HISTOGRAM -> {
                out.field(HISTOGRAM);
                out.startObject();
                PList<HistogramDataPoint> points = metric.histogram().dataPoints();
                if (!points.isEmpty()) {
                    out.field(DATA_POINTS);
                    out.startArray();
                    for (int i = 0, n = points.size(); i < n; i++) {
                        writeHistogramPoint(out, points.get(i));
                    }
                    out.endArray();
                }
                writeTemporality(out, metric.histogram().aggregationTemporality());
                out.endObject();
            }
            case EXPONENTIAL_HISTOGRAM -> {
                out.field(EXPONENTIAL_HISTOGRAM);
                out.startObject();
                PList<ExponentialHistogramDataPoint> points = metric.exponentialHistogram().dataPoints();
                if (!points.isEmpty()) {
                    out.field(DATA_POINTS);
                    out.startArray();
                    for (int i = 0, n = points.size(); i < n; i++) {
                        writeExponentialPoint(out, points.get(i));
                    }
                    out.endArray();
                }
                writeTemporality(out, metric.exponentialHistogram().aggregationTemporality());
                out.endObject();
            }
            case SUMMARY -> {
                out.field(SUMMARY);
                out.startObject();
                PList<SummaryDataPoint> points = metric.summary().dataPoints();
                if (!points.isEmpty()) {
                    out.field(DATA_POINTS);
                    out.startArray();
                    for (int i = 0, n = points.size(); i < n; i++) {
                        writeSummaryPoint(out, points.get(i));
                    }
                    out.endArray();
                }
                out.endObject();
            }
        }
        CommonJson.writeAttributes(out, METADATA, metric.metadata());
        out.endObject();
    }

    private static void writeTemporality(JsonOut out, AggregationTemporality temporality) throws IOException {
        out.int32IfSet(AGGREGATION_TEMPORALITY, temporality.number());
    }

    /** Attributes and the two times, which start every kind of point. */
    private static void writePointStart(JsonOut out, DataPoint<?> point) throws IOException {
        out.startObject();
        CommonJson.writeAttributes(out, ATTRIBUTES, point.attributes());
        out.uint64IfSet(START_TIME_UNIX_NANO, point.startTimeUnixNano());
        out.uint64IfSet(TIME_UNIX_NANO, point.timeUnixNano());
    }

    private static void writeNumberPoints(JsonOut out, PList<NumberDataPoint> points) throws IOException {
        if (points.isEmpty()) {
            return;
        }
        out.field(DATA_POINTS);
        out.startArray();
        for (int i = 0, n = points.size(); i < n; i++) {
            NumberDataPoint point = points.get(i);
            writePointStart(out, point);
            switch (point.valueType()) {
                case EMPTY -> {
                }
                case DOUBLE -> {
                    out.field(AS_DOUBLE);
                    out.doubleValue(point.doubleValue());
                }
                case INT -> {
                    out.field(AS_INT);
                    out.int64(point.intValue());
                }
            }
            writeExemplars(out, point.exemplars());
            out.uint32IfSet(FLAGS, point.flags());
            out.endObject();
        }
        out.endArray();
    }

    private static void writeHistogramPoint(JsonOut out, HistogramDataPoint point) throws IOException {
        writePointStart(out, point);
        out.uint64IfSet(COUNT, point.count());
        if (point.hasSum()) {
            out.field(SUM);
            out.doubleValue(point.sum());
        }
        int counts = point.bucketCountsCount();
        if (counts > 0) {
            out.field(BUCKET_COUNTS);
            out.startArray();
            for (int i = 0; i < counts; i++) {
                out.uint64(point.bucketCount(i));
            }
            out.endArray();
        }
        int bounds = point.explicitBoundsCount();
        if (bounds > 0) {
            out.field(EXPLICIT_BOUNDS);
            out.startArray();
            for (int i = 0; i < bounds; i++) {
                out.doubleValue(point.explicitBound(i));
            }
            out.endArray();
        }
        writeExemplars(out, point.exemplars());
        out.uint32IfSet(FLAGS, point.flags());
        writeMinMax(out, point.hasMin(), point.min(), point.hasMax(), point.max());
        out.endObject();
    }

    private static void writeExponentialPoint(JsonOut out, ExponentialHistogramDataPoint point) throws IOException {
        writePointStart(out, point);
        out.uint64IfSet(COUNT, point.count());
        if (point.hasSum()) {
            out.field(SUM);
            out.doubleValue(point.sum());
        }
        out.int32IfSet(SCALE, point.scale());
        out.uint64IfSet(ZERO_COUNT, point.zeroCount());
        writeBuckets(out, POSITIVE, point.positive()); // always, as upstream
        writeBuckets(out, NEGATIVE, point.negative());
        out.uint32IfSet(FLAGS, point.flags());
        writeExemplars(out, point.exemplars());
        writeMinMax(out, point.hasMin(), point.min(), point.hasMax(), point.max());
        out.doubleIfSet(ZERO_THRESHOLD, point.zeroThreshold());
        out.endObject();
    }

    private static void writeBuckets(JsonOut out, SerializableString name, ExponentialHistogramDataPoint.Buckets buckets)
            throws IOException {
        out.field(name);
        out.startObject();
        out.int32IfSet(OFFSET, buckets.offset());
        int counts = buckets.bucketCountsCount();
        if (counts > 0) {
            out.field(BUCKET_COUNTS);
            out.startArray();
            for (int i = 0; i < counts; i++) {
                out.uint64(buckets.bucketCount(i));
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void writeMinMax(JsonOut out, boolean hasMin, double min, boolean hasMax, double max)
            throws IOException {
        if (hasMin) {
            out.field(MIN);
            out.doubleValue(min);
        }
        if (hasMax) {
            out.field(MAX);
            out.doubleValue(max);
        }
    }

    private static void writeSummaryPoint(JsonOut out, SummaryDataPoint point) throws IOException {
        writePointStart(out, point);
        out.uint64IfSet(COUNT, point.count());
        out.doubleIfSet(SUM, point.sum());
        PList<SummaryDataPoint.ValueAtQuantile> quantiles = point.quantileValues();
        if (!quantiles.isEmpty()) {
            out.field(QUANTILE_VALUES);
            out.startArray();
            for (int i = 0, n = quantiles.size(); i < n; i++) {
                out.startObject();
                out.doubleIfSet(QUANTILE, quantiles.get(i).quantile());
                out.doubleIfSet(VALUE, quantiles.get(i).value());
                out.endObject();
            }
            out.endArray();
        }
        out.uint32IfSet(FLAGS, point.flags());
        out.endObject();
    }

    private static void writeExemplars(JsonOut out, PList<Exemplar> exemplars) throws IOException {
        if (exemplars.isEmpty()) {
            return;
        }
        out.field(EXEMPLARS);
        out.startArray();
        for (int i = 0, n = exemplars.size(); i < n; i++) {
            Exemplar exemplar = exemplars.get(i);
            out.startObject();
            CommonJson.writeAttributes(out, FILTERED_ATTRIBUTES, exemplar.filteredAttributes());
            out.uint64IfSet(TIME_UNIX_NANO, exemplar.timeUnixNano());
            switch (exemplar.valueType()) {
                case EMPTY -> {
                }
                case DOUBLE -> {
                    out.field(AS_DOUBLE);
                    out.doubleValue(exemplar.doubleValue());
                }
                case INT -> {
                    out.field(AS_INT);
                    out.int64(exemplar.intValue());
                }
            }
            out.traceIdIfSet(TRACE_ID, exemplar.traceId());
            out.spanIdIfSet(SPAN_ID, exemplar.spanId());
            out.endObject();
        }
        out.endArray();
    }
}
