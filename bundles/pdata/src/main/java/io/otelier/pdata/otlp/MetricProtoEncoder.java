package io.otelier.pdata.otlp;

import static com.google.protobuf.CodedOutputStream.computeEnumSize;
import static com.google.protobuf.CodedOutputStream.computeSInt32Size;
import static com.google.protobuf.CodedOutputStream.computeUInt64SizeNoTag;
import static io.otelier.pdata.otlp.CommonProtoEncoder.attributesSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.fieldSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.fixed64Size;
import static io.otelier.pdata.otlp.CommonProtoEncoder.messageSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.nameSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.spanIdSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.startMessage;
import static io.otelier.pdata.otlp.CommonProtoEncoder.stringSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.traceIdSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.uint32Size;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeAttributes;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeFixed64;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeName;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeSpanId;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeString;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeTraceId;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeUInt32;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.metrics.SummaryDataPoint;

/** Writes {@code ExportMetricsServiceRequest}; see {@link CommonProtoEncoder} for the two passes. */
final class MetricProtoEncoder {

    private MetricProtoEncoder() {
    }

    static int requestSize(Metrics metrics, SizeCache cache) {
        PList<ResourceMetrics> list = metrics.resourceMetrics();
        int size = 0;
        for (int i = 0, n = list.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(1, slot, resourceMetricsSize(list.get(i), cache), cache);
        }
        return size;
    }

    static void writeRequest(ProtoWriter out, Metrics metrics, SizeCache cache) {
        PList<ResourceMetrics> list = metrics.resourceMetrics();
        for (int i = 0, n = list.size(); i < n; i++) {
            startMessage(out, 1, cache);
            writeResourceMetrics(out, list.get(i), cache);
        }
    }

    private static int resourceMetricsSize(ResourceMetrics resourceMetrics, SizeCache cache) {
        int size = CommonProtoEncoder.resourceSize(1, resourceMetrics.resource(), cache);
        PList<ScopeMetrics> list = resourceMetrics.scopeMetrics();
        for (int i = 0, n = list.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(2, slot, scopeMetricsSize(list.get(i), cache), cache);
        }
        return size + stringSize(3, resourceMetrics.schemaUrl());
    }

    private static void writeResourceMetrics(ProtoWriter out, ResourceMetrics resourceMetrics, SizeCache cache) {
        CommonProtoEncoder.writeResource(out, 1, resourceMetrics.resource(), cache);
        PList<ScopeMetrics> list = resourceMetrics.scopeMetrics();
        for (int i = 0, n = list.size(); i < n; i++) {
            startMessage(out, 2, cache);
            writeScopeMetrics(out, list.get(i), cache);
        }
        writeString(out, 3, resourceMetrics.schemaUrl());
    }

    private static int scopeMetricsSize(ScopeMetrics scopeMetrics, SizeCache cache) {
        int size = CommonProtoEncoder.scopeSize(1, scopeMetrics.scope(), cache);
        PList<Metric> metrics = scopeMetrics.metrics();
        for (int i = 0, n = metrics.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(2, slot, metricSize(metrics.get(i), cache), cache);
        }
        return size + stringSize(3, scopeMetrics.schemaUrl());
    }

    private static void writeScopeMetrics(ProtoWriter out, ScopeMetrics scopeMetrics, SizeCache cache) {
        CommonProtoEncoder.writeScope(out, 1, scopeMetrics.scope(), cache);
        PList<Metric> metrics = scopeMetrics.metrics();
        for (int i = 0, n = metrics.size(); i < n; i++) {
            startMessage(out, 2, cache);
            writeMetric(out, metrics.get(i), cache);
        }
        writeString(out, 3, scopeMetrics.schemaUrl());
    }

    private static int metricSize(Metric metric, SizeCache cache) {
        int size = nameSize(1, metric.name()) + nameSize(2, metric.description()) + nameSize(3, metric.unit());
        switch (metric.type()) {
            case EMPTY -> {
            }
            case GAUGE -> {
                int slot = cache.reserve();
                size += messageSize(5, slot, numberPointsSize(metric.gauge().dataPoints(), cache), cache);
            }
            case SUM -> {
                int slot = cache.reserve();
                Sum sum = metric.sum();
                int body = numberPointsSize(sum.dataPoints(), cache)
                        + temporalitySize(sum.aggregationTemporality()) + (sum.isMonotonic() ? 2 : 0);
                size += messageSize(7, slot, body, cache);
            }
            case HISTOGRAM -> {
                int slot = cache.reserve();
                int body = 0;
                PList<HistogramDataPoint> points = metric.histogram().dataPoints();
                for (int i = 0, n = points.size(); i < n; i++) {
                    int pointSlot = cache.reserve();
                    body += messageSize(1, pointSlot, histogramPointSize(points.get(i), cache), cache);
                }
                body += temporalitySize(metric.histogram().aggregationTemporality());
                size += messageSize(9, slot, body, cache);
            }
            case EXPONENTIAL_HISTOGRAM -> {
                int slot = cache.reserve();
                int body = 0;
                PList<ExponentialHistogramDataPoint> points = metric.exponentialHistogram().dataPoints();
                for (int i = 0, n = points.size(); i < n; i++) {
                    int pointSlot = cache.reserve();
                    body += messageSize(1, pointSlot, exponentialPointSize(points.get(i), cache), cache);
                }
                body += temporalitySize(metric.exponentialHistogram().aggregationTemporality());
                size += messageSize(10, slot, body, cache);
            }
            case SUMMARY -> {
                int slot = cache.reserve();
                int body = 0;
                PList<SummaryDataPoint> points = metric.summary().dataPoints();
                for (int i = 0, n = points.size(); i < n; i++) {
                    int pointSlot = cache.reserve();
                    body += messageSize(1, pointSlot, summaryPointSize(points.get(i), cache), cache);
                }
                size += messageSize(11, slot, body, cache);
            }
        }
        return size + attributesSize(12, metric.metadata(), cache);
    }

    private static void writeMetric(ProtoWriter out, Metric metric, SizeCache cache) {
        writeName(out, 1, metric.name());
        writeName(out, 2, metric.description());
        writeName(out, 3, metric.unit());
        switch (metric.type()) {
            case EMPTY -> {
            }
            case GAUGE -> {
                startMessage(out, 5, cache);
                writeNumberPoints(out, metric.gauge().dataPoints(), cache);
            }
            case SUM -> {
                startMessage(out, 7, cache);
                Sum sum = metric.sum();
                writeNumberPoints(out, sum.dataPoints(), cache);
                writeTemporality(out, sum.aggregationTemporality());
                if (sum.isMonotonic()) {
                    out.writeBool(3, true);
                }
            }
            case HISTOGRAM -> {
                startMessage(out, 9, cache);
                PList<HistogramDataPoint> points = metric.histogram().dataPoints();
                for (int i = 0, n = points.size(); i < n; i++) {
                    startMessage(out, 1, cache);
                    writeHistogramPoint(out, points.get(i), cache);
                }
                writeTemporality(out, metric.histogram().aggregationTemporality());
            }
            case EXPONENTIAL_HISTOGRAM -> {
                startMessage(out, 10, cache);
                PList<ExponentialHistogramDataPoint> points = metric.exponentialHistogram().dataPoints();
                for (int i = 0, n = points.size(); i < n; i++) {
                    startMessage(out, 1, cache);
                    writeExponentialPoint(out, points.get(i), cache);
                }
                writeTemporality(out, metric.exponentialHistogram().aggregationTemporality());
            }
            case SUMMARY -> {
                startMessage(out, 11, cache);
                PList<SummaryDataPoint> points = metric.summary().dataPoints();
                for (int i = 0, n = points.size(); i < n; i++) {
                    startMessage(out, 1, cache);
                    writeSummaryPoint(out, points.get(i), cache);
                }
            }
        }
        writeAttributes(out, 12, metric.metadata(), cache);
    }

    private static int temporalitySize(AggregationTemporality temporality) {
        return temporality.number() == 0 ? 0 : computeEnumSize(2, temporality.number());
    }

    private static void writeTemporality(ProtoWriter out, AggregationTemporality temporality) {
        if (temporality.number() != 0) {
            out.writeEnum(2, temporality.number());
        }
    }

    /** A plain double field is left out only when it is +0.0 (bits all zero), as protobuf-java does. */
    private static int doubleSize(int field, double value) {
        return fixed64Size(field, Double.doubleToRawLongBits(value) != 0);
    }

    private static void writeDouble(ProtoWriter out, int field, double value) {
        if (Double.doubleToRawLongBits(value) != 0) {
            out.writeDouble(field, value);
        }
    }

    // ---- number points

    private static int numberPointsSize(PList<NumberDataPoint> points, SizeCache cache) {
        int size = 0;
        for (int i = 0, n = points.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(1, slot, numberPointSize(points.get(i), cache), cache);
        }
        return size;
    }

    private static void writeNumberPoints(ProtoWriter out, PList<NumberDataPoint> points, SizeCache cache) {
        for (int i = 0, n = points.size(); i < n; i++) {
            startMessage(out, 1, cache);
            writeNumberPoint(out, points.get(i), cache);
        }
    }

    private static int numberPointSize(NumberDataPoint point, SizeCache cache) {
        return fixed64Size(2, point.startTimeUnixNano() != 0)
                + fixed64Size(3, point.timeUnixNano() != 0)
                + fixed64Size(4, point.valueType() == NumberDataPoint.ValueType.DOUBLE)
                + exemplarsSize(5, point.exemplars(), cache)
                + fixed64Size(6, point.valueType() == NumberDataPoint.ValueType.INT)
                + attributesSize(7, point.attributes(), cache)
                + uint32Size(8, point.flags());
    }

    private static void writeNumberPoint(ProtoWriter out, NumberDataPoint point, SizeCache cache) {
        writeFixed64(out, 2, point.startTimeUnixNano());
        writeFixed64(out, 3, point.timeUnixNano());
        if (point.valueType() == NumberDataPoint.ValueType.DOUBLE) {
            out.writeDouble(4, point.doubleValue());
        }
        writeExemplars(out, 5, point.exemplars(), cache);
        if (point.valueType() == NumberDataPoint.ValueType.INT) {
            out.writeSFixed64(6, point.intValue());
        }
        writeAttributes(out, 7, point.attributes(), cache);
        writeUInt32(out, 8, point.flags());
    }

    // ---- histogram points

    private static int histogramPointSize(HistogramDataPoint point, SizeCache cache) {
        int counts = point.bucketCountsCount();
        int bounds = point.explicitBoundsCount();
        return fixed64Size(2, point.startTimeUnixNano() != 0)
                + fixed64Size(3, point.timeUnixNano() != 0)
                + fixed64Size(4, point.count() != 0)
                + fixed64Size(5, point.hasSum())
                + (counts == 0 ? 0 : fieldSize(6, counts * 8))
                + (bounds == 0 ? 0 : fieldSize(7, bounds * 8))
                + exemplarsSize(8, point.exemplars(), cache)
                + attributesSize(9, point.attributes(), cache)
                + uint32Size(10, point.flags())
                + fixed64Size(11, point.hasMin())
                + fixed64Size(12, point.hasMax());
    }

    private static void writeHistogramPoint(ProtoWriter out, HistogramDataPoint point, SizeCache cache) {
        writeFixed64(out, 2, point.startTimeUnixNano());
        writeFixed64(out, 3, point.timeUnixNano());
        writeFixed64(out, 4, point.count());
        if (point.hasSum()) {
            out.writeDouble(5, point.sum());
        }
        int counts = point.bucketCountsCount();
        if (counts > 0) {
            out.writeTag(6, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(counts * 8);
            for (int i = 0; i < counts; i++) {
                out.writeFixed64NoTag(point.bucketCount(i));
            }
        }
        int bounds = point.explicitBoundsCount();
        if (bounds > 0) {
            out.writeTag(7, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(bounds * 8);
            for (int i = 0; i < bounds; i++) {
                out.writeDoubleNoTag(point.explicitBound(i));
            }
        }
        writeExemplars(out, 8, point.exemplars(), cache);
        writeAttributes(out, 9, point.attributes(), cache);
        writeUInt32(out, 10, point.flags());
        if (point.hasMin()) {
            out.writeDouble(11, point.min());
        }
        if (point.hasMax()) {
            out.writeDouble(12, point.max());
        }
    }

    // ---- exponential histogram points

    private static int exponentialPointSize(ExponentialHistogramDataPoint point, SizeCache cache) {
        return attributesSize(1, point.attributes(), cache)
                + fixed64Size(2, point.startTimeUnixNano() != 0)
                + fixed64Size(3, point.timeUnixNano() != 0)
                + fixed64Size(4, point.count() != 0)
                + fixed64Size(5, point.hasSum())
                + (point.scale() == 0 ? 0 : computeSInt32Size(6, point.scale()))
                + fixed64Size(7, point.zeroCount() != 0)
                + bucketsSize(8, point.positive(), cache)
                + bucketsSize(9, point.negative(), cache)
                + uint32Size(10, point.flags())
                + exemplarsSize(11, point.exemplars(), cache)
                + fixed64Size(12, point.hasMin())
                + fixed64Size(13, point.hasMax())
                + doubleSize(14, point.zeroThreshold());
    }

    private static void writeExponentialPoint(ProtoWriter out, ExponentialHistogramDataPoint point,
            SizeCache cache) {
        writeAttributes(out, 1, point.attributes(), cache);
        writeFixed64(out, 2, point.startTimeUnixNano());
        writeFixed64(out, 3, point.timeUnixNano());
        writeFixed64(out, 4, point.count());
        if (point.hasSum()) {
            out.writeDouble(5, point.sum());
        }
        if (point.scale() != 0) {
            out.writeSInt32(6, point.scale());
        }
        writeFixed64(out, 7, point.zeroCount());
        writeBuckets(out, 8, point.positive(), cache);
        writeBuckets(out, 9, point.negative(), cache);
        writeUInt32(out, 10, point.flags());
        writeExemplars(out, 11, point.exemplars(), cache);
        if (point.hasMin()) {
            out.writeDouble(12, point.min());
        }
        if (point.hasMax()) {
            out.writeDouble(13, point.max());
        }
        writeDouble(out, 14, point.zeroThreshold());
    }

    private static boolean isEmpty(ExponentialHistogramDataPoint.Buckets buckets) {
        return buckets.offset() == 0 && buckets.bucketCountsCount() == 0;
    }

    /** Size of a Buckets field; its packed counts get a slot of their own for their length. */
    private static int bucketsSize(int field, ExponentialHistogramDataPoint.Buckets buckets, SizeCache cache) {
        if (isEmpty(buckets)) {
            return 0;
        }
        int slot = cache.reserve();
        int body = buckets.offset() == 0 ? 0 : computeSInt32Size(1, buckets.offset());
        int counts = buckets.bucketCountsCount();
        if (counts > 0) {
            int countsSlot = cache.reserve();
            int packed = 0;
            for (int i = 0; i < counts; i++) {
                packed += computeUInt64SizeNoTag(buckets.bucketCount(i));
            }
            body += messageSize(2, countsSlot, packed, cache);
        }
        return messageSize(field, slot, body, cache);
    }

    private static void writeBuckets(ProtoWriter out, int field, ExponentialHistogramDataPoint.Buckets buckets,
            SizeCache cache) {
        if (isEmpty(buckets)) {
            return;
        }
        startMessage(out, field, cache);
        if (buckets.offset() != 0) {
            out.writeSInt32(1, buckets.offset());
        }
        int counts = buckets.bucketCountsCount();
        if (counts > 0) {
            startMessage(out, 2, cache);
            for (int i = 0; i < counts; i++) {
                out.writeUInt64NoTag(buckets.bucketCount(i));
            }
        }
    }

    // ---- summary points

    private static int summaryPointSize(SummaryDataPoint point, SizeCache cache) {
        int size = fixed64Size(2, point.startTimeUnixNano() != 0)
                + fixed64Size(3, point.timeUnixNano() != 0)
                + fixed64Size(4, point.count() != 0)
                + doubleSize(5, point.sum());
        PList<SummaryDataPoint.ValueAtQuantile> quantiles = point.quantileValues();
        for (int i = 0, n = quantiles.size(); i < n; i++) {
            SummaryDataPoint.ValueAtQuantile quantile = quantiles.get(i);
            int slot = cache.reserve();
            size += messageSize(6, slot, doubleSize(1, quantile.quantile()) + doubleSize(2, quantile.value()), cache);
        }
        return size + attributesSize(7, point.attributes(), cache) + uint32Size(8, point.flags());
    }

    private static void writeSummaryPoint(ProtoWriter out, SummaryDataPoint point, SizeCache cache) {
        writeFixed64(out, 2, point.startTimeUnixNano());
        writeFixed64(out, 3, point.timeUnixNano());
        writeFixed64(out, 4, point.count());
        writeDouble(out, 5, point.sum());
        PList<SummaryDataPoint.ValueAtQuantile> quantiles = point.quantileValues();
        for (int i = 0, n = quantiles.size(); i < n; i++) {
            SummaryDataPoint.ValueAtQuantile quantile = quantiles.get(i);
            startMessage(out, 6, cache);
            writeDouble(out, 1, quantile.quantile());
            writeDouble(out, 2, quantile.value());
        }
        writeAttributes(out, 7, point.attributes(), cache);
        writeUInt32(out, 8, point.flags());
    }

    // ---- exemplars

    private static int exemplarsSize(int field, PList<Exemplar> exemplars, SizeCache cache) {
        int size = 0;
        for (int i = 0, n = exemplars.size(); i < n; i++) {
            Exemplar exemplar = exemplars.get(i);
            int slot = cache.reserve();
            int body = fixed64Size(2, exemplar.timeUnixNano() != 0)
                    + fixed64Size(3, exemplar.valueType() == Exemplar.ValueType.DOUBLE)
                    + spanIdSize(4, exemplar.spanId())
                    + traceIdSize(5, exemplar.traceId())
                    + fixed64Size(6, exemplar.valueType() == Exemplar.ValueType.INT)
                    + attributesSize(7, exemplar.filteredAttributes(), cache);
            size += messageSize(field, slot, body, cache);
        }
        return size;
    }

    private static void writeExemplars(ProtoWriter out, int field, PList<Exemplar> exemplars, SizeCache cache) {
        for (int i = 0, n = exemplars.size(); i < n; i++) {
            Exemplar exemplar = exemplars.get(i);
            startMessage(out, field, cache);
            writeFixed64(out, 2, exemplar.timeUnixNano());
            if (exemplar.valueType() == Exemplar.ValueType.DOUBLE) {
                out.writeDouble(3, exemplar.doubleValue());
            }
            writeSpanId(out, 4, exemplar.spanId());
            writeTraceId(out, 5, exemplar.traceId());
            if (exemplar.valueType() == Exemplar.ValueType.INT) {
                out.writeSFixed64(6, exemplar.intValue());
            }
            writeAttributes(out, 7, exemplar.filteredAttributes(), cache);
        }
    }
}
