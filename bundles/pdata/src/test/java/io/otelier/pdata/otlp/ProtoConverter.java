package io.otelier.pdata.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.EntityRef;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the model and the generated classes of opentelemetry-proto: the oracle of the wire tests.
 * Towards the generated classes it leaves out exactly what our encoder leaves out (empty resources, scopes,
 * statuses, buckets, bodies and values), so that protobuf-java's own serialization must equal ours byte for byte.
 */
final class ProtoConverter {

    private ProtoConverter() {
    }

    // ---- common

    static List<io.opentelemetry.proto.common.v1.KeyValue> toProto(Attributes attributes) {
        List<io.opentelemetry.proto.common.v1.KeyValue> out = new ArrayList<>();
        attributes.forEach((key, value) -> out.add(toProto(key, value)));
        return out;
    }

    static io.opentelemetry.proto.common.v1.KeyValue toProto(String key, AnyValue value) {
        var builder = io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey(key);
        if (value.type() != AnyValue.Type.EMPTY) {
            builder.setValue(toProto(value));
        }
        return builder.build();
    }

    static io.opentelemetry.proto.common.v1.AnyValue toProto(AnyValue value) {
        var builder = io.opentelemetry.proto.common.v1.AnyValue.newBuilder();
        switch (value.type()) {
            case EMPTY -> {
            }
            case STRING -> builder.setStringValue(value.stringValue());
            case BOOL -> builder.setBoolValue(value.boolValue());
            case INT -> builder.setIntValue(value.intValue());
            case DOUBLE -> builder.setDoubleValue(value.doubleValue());
            case BYTES -> builder.setBytesValue(ByteString.copyFrom(value.bytesValue()));
            case ARRAY -> {
                var array = ArrayValue.newBuilder();
                value.arrayValue().forEach(element -> array.addValues(toProto(element)));
                builder.setArrayValue(array);
            }
            case KVLIST -> {
                var list = KeyValueList.newBuilder();
                value.kvListValue().forEach(entry -> list.addValues(toProto(entry.key(), entry.value())));
                builder.setKvlistValue(list);
            }
        }
        return builder.build();
    }

    static void fromProto(List<io.opentelemetry.proto.common.v1.KeyValue> in, Attributes attributes) {
        in.forEach(kv -> attributes.put(kv.getKey(), fromProto(kv.getValue())));
    }

    static AnyValue fromProto(io.opentelemetry.proto.common.v1.AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> AnyValue.of(value.getStringValue());
            case BOOL_VALUE -> AnyValue.of(value.getBoolValue());
            case INT_VALUE -> AnyValue.of(value.getIntValue());
            case DOUBLE_VALUE -> AnyValue.of(value.getDoubleValue());
            case BYTES_VALUE -> AnyValue.ofBytes(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> AnyValue.ofArray(value.getArrayValue().getValuesList().stream()
                    .map(ProtoConverter::fromProto).toList());
            case KVLIST_VALUE -> AnyValue.ofKvList(value.getKvlistValue().getValuesList().stream()
                    .map(kv -> KeyValue.of(kv.getKey(), fromProto(kv.getValue()))).toList());
            case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> AnyValue.empty();
        };
    }

    static boolean isEmpty(Resource resource) {
        return resource.attributes().isEmpty() && resource.droppedAttributesCount() == 0
                && resource.entityRefs().isEmpty();
    }

    static io.opentelemetry.proto.resource.v1.Resource toProto(Resource resource) {
        var builder = io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                .addAllAttributes(toProto(resource.attributes()))
                .setDroppedAttributesCount(resource.droppedAttributesCount());
        resource.entityRefs().forEach(ref -> builder.addEntityRefs(
                io.opentelemetry.proto.common.v1.EntityRef.newBuilder().setSchemaUrl(ref.schemaUrl())
                        .setType(ref.type()).addAllIdKeys(ref.idKeys()).addAllDescriptionKeys(ref.descriptionKeys())));
        return builder.build();
    }

    static void fromProto(io.opentelemetry.proto.resource.v1.Resource in, Resource resource) {
        fromProto(in.getAttributesList(), resource.attributes());
        resource.setDroppedAttributesCount(Integer.toUnsignedLong(in.getDroppedAttributesCount()));
        in.getEntityRefsList().forEach(ref -> {
            EntityRef out = resource.entityRefs().addNew().setSchemaUrl(ref.getSchemaUrl()).setType(ref.getType());
            out.setIdKeys(ref.getIdKeysList()).setDescriptionKeys(ref.getDescriptionKeysList());
        });
    }

    static boolean isEmpty(InstrumentationScope scope) {
        return scope.name().isEmpty() && scope.version().isEmpty() && scope.attributes().isEmpty()
                && scope.droppedAttributesCount() == 0;
    }

    static io.opentelemetry.proto.common.v1.InstrumentationScope toProto(InstrumentationScope scope) {
        return io.opentelemetry.proto.common.v1.InstrumentationScope.newBuilder().setName(scope.name())
                .setVersion(scope.version()).addAllAttributes(toProto(scope.attributes()))
                .setDroppedAttributesCount(scope.droppedAttributesCount()).build();
    }

    static void fromProto(io.opentelemetry.proto.common.v1.InstrumentationScope in, InstrumentationScope scope) {
        scope.setName(in.getName()).setVersion(in.getVersion())
                .setDroppedAttributesCount(Integer.toUnsignedLong(in.getDroppedAttributesCount()));
        fromProto(in.getAttributesList(), scope.attributes());
    }

    static ByteString id(TraceId id) {
        return id.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(id.bytes());
    }

    static ByteString id(SpanId id) {
        return id.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(id.bytes());
    }

    static TraceId traceId(ByteString bytes) {
        return bytes.isEmpty() ? TraceId.EMPTY : TraceId.fromBytes(bytes.toByteArray());
    }

    static SpanId spanId(ByteString bytes) {
        return bytes.isEmpty() ? SpanId.EMPTY : SpanId.fromBytes(bytes.toByteArray());
    }

    // ---- traces

    static ExportTraceServiceRequest toProto(Traces traces) {
        var request = ExportTraceServiceRequest.newBuilder();
        traces.resourceSpans().forEach(rs -> {
            var resourceSpans = io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder().setSchemaUrl(rs.schemaUrl());
            if (!isEmpty(rs.resource())) {
                resourceSpans.setResource(toProto(rs.resource()));
            }
            rs.scopeSpans().forEach(ss -> {
                var scopeSpans = ScopeSpans.newBuilder().setSchemaUrl(ss.schemaUrl());
                if (!isEmpty(ss.scope())) {
                    scopeSpans.setScope(toProto(ss.scope()));
                }
                ss.spans().forEach(span -> scopeSpans.addSpans(toProto(span)));
                resourceSpans.addScopeSpans(scopeSpans);
            });
            request.addResourceSpans(resourceSpans);
        });
        return request.build();
    }

    private static Span toProto(io.otelier.pdata.trace.Span span) {
        var builder = Span.newBuilder().setTraceId(id(span.traceId())).setSpanId(id(span.spanId()))
                .setTraceState(span.traceState()).setParentSpanId(id(span.parentSpanId())).setFlags(span.flags())
                .setName(span.name()).setKindValue(span.kind().number())
                .setStartTimeUnixNano(span.startTimeUnixNano()).setEndTimeUnixNano(span.endTimeUnixNano())
                .addAllAttributes(toProto(span.attributes()))
                .setDroppedAttributesCount(span.droppedAttributesCount())
                .setDroppedEventsCount(span.droppedEventsCount()).setDroppedLinksCount(span.droppedLinksCount());
        span.events().forEach(event -> builder.addEvents(Span.Event.newBuilder().setName(event.name())
                .setTimeUnixNano(event.timeUnixNano()).addAllAttributes(toProto(event.attributes()))
                .setDroppedAttributesCount(event.droppedAttributesCount())));
        span.links().forEach(link -> builder.addLinks(Span.Link.newBuilder().setTraceId(id(link.traceId()))
                .setSpanId(id(link.spanId())).setTraceState(link.traceState())
                .addAllAttributes(toProto(link.attributes())).setDroppedAttributesCount(link.droppedAttributesCount())
                .setFlags(link.flags())));
        if (span.status().code() != StatusCode.UNSET || !span.status().message().isEmpty()) {
            builder.setStatus(io.opentelemetry.proto.trace.v1.Status.newBuilder()
                    .setCodeValue(span.status().code().number()).setMessage(span.status().message()));
        }
        return builder.build();
    }

    static Traces fromProto(ExportTraceServiceRequest request) {
        Traces traces = new Traces();
        request.getResourceSpansList().forEach(rs -> {
            var resourceSpans = traces.resourceSpans().addNew().setSchemaUrl(rs.getSchemaUrl());
            fromProto(rs.getResource(), resourceSpans.resource());
            rs.getScopeSpansList().forEach(ss -> {
                var scopeSpans = resourceSpans.scopeSpans().addNew().setSchemaUrl(ss.getSchemaUrl());
                fromProto(ss.getScope(), scopeSpans.scope());
                ss.getSpansList().forEach(span -> fromProto(span, scopeSpans.spans().addNew()));
            });
        });
        return traces;
    }

    private static void fromProto(Span in, io.otelier.pdata.trace.Span span) {
        span.setTraceId(traceId(in.getTraceId())).setSpanId(spanId(in.getSpanId())).setTraceState(in.getTraceState())
                .setParentSpanId(spanId(in.getParentSpanId())).setFlags(Integer.toUnsignedLong(in.getFlags()))
                .setName(in.getName()).setKind(SpanKind.fromNumber(in.getKindValue()))
                .setStartTimeUnixNano(in.getStartTimeUnixNano()).setEndTimeUnixNano(in.getEndTimeUnixNano())
                .setDroppedAttributesCount(Integer.toUnsignedLong(in.getDroppedAttributesCount()))
                .setDroppedEventsCount(Integer.toUnsignedLong(in.getDroppedEventsCount()))
                .setDroppedLinksCount(Integer.toUnsignedLong(in.getDroppedLinksCount()));
        fromProto(in.getAttributesList(), span.attributes());
        in.getEventsList().forEach(event -> {
            var out = span.events().addNew().setName(event.getName()).setTimeUnixNano(event.getTimeUnixNano())
                    .setDroppedAttributesCount(Integer.toUnsignedLong(event.getDroppedAttributesCount()));
            fromProto(event.getAttributesList(), out.attributes());
        });
        in.getLinksList().forEach(link -> {
            var out = span.links().addNew().setTraceId(traceId(link.getTraceId())).setSpanId(spanId(link.getSpanId()))
                    .setTraceState(link.getTraceState()).setFlags(Integer.toUnsignedLong(link.getFlags()))
                    .setDroppedAttributesCount(Integer.toUnsignedLong(link.getDroppedAttributesCount()));
            fromProto(link.getAttributesList(), out.attributes());
        });
        span.status().setCode(StatusCode.fromNumber(in.getStatus().getCodeValue()))
                .setMessage(in.getStatus().getMessage());
    }

    // ---- metrics

    static ExportMetricsServiceRequest toProto(Metrics metrics) {
        var request = ExportMetricsServiceRequest.newBuilder();
        metrics.resourceMetrics().forEach(rm -> {
            var resourceMetrics = io.opentelemetry.proto.metrics.v1.ResourceMetrics.newBuilder()
                    .setSchemaUrl(rm.schemaUrl());
            if (!isEmpty(rm.resource())) {
                resourceMetrics.setResource(toProto(rm.resource()));
            }
            rm.scopeMetrics().forEach(sm -> {
                var scopeMetrics = io.opentelemetry.proto.metrics.v1.ScopeMetrics.newBuilder()
                        .setSchemaUrl(sm.schemaUrl());
                if (!isEmpty(sm.scope())) {
                    scopeMetrics.setScope(toProto(sm.scope()));
                }
                sm.metrics().forEach(metric -> scopeMetrics.addMetrics(toProto(metric)));
                resourceMetrics.addScopeMetrics(scopeMetrics);
            });
            request.addResourceMetrics(resourceMetrics);
        });
        return request.build();
    }

    private static io.opentelemetry.proto.metrics.v1.Metric toProto(Metric metric) {
        var builder = io.opentelemetry.proto.metrics.v1.Metric.newBuilder().setName(metric.name())
                .setDescription(metric.description()).setUnit(metric.unit())
                .addAllMetadata(toProto(metric.metadata()));
        switch (metric.type()) {
            case EMPTY -> {
            }
            case GAUGE -> {
                var gauge = Gauge.newBuilder();
                metric.gauge().dataPoints().forEach(point -> gauge.addDataPoints(toProto(point)));
                builder.setGauge(gauge);
            }
            case SUM -> {
                var sum = io.opentelemetry.proto.metrics.v1.Sum.newBuilder()
                        .setAggregationTemporalityValue(metric.sum().aggregationTemporality().number())
                        .setIsMonotonic(metric.sum().isMonotonic());
                metric.sum().dataPoints().forEach(point -> sum.addDataPoints(toProto(point)));
                builder.setSum(sum);
            }
            case HISTOGRAM -> {
                var histogram = Histogram.newBuilder()
                        .setAggregationTemporalityValue(metric.histogram().aggregationTemporality().number());
                metric.histogram().dataPoints().forEach(point -> histogram.addDataPoints(toProto(point)));
                builder.setHistogram(histogram);
            }
            case EXPONENTIAL_HISTOGRAM -> {
                var histogram = ExponentialHistogram.newBuilder().setAggregationTemporalityValue(
                        metric.exponentialHistogram().aggregationTemporality().number());
                metric.exponentialHistogram().dataPoints().forEach(point -> histogram.addDataPoints(toProto(point)));
                builder.setExponentialHistogram(histogram);
            }
            case SUMMARY -> {
                var summary = Summary.newBuilder();
                metric.summary().dataPoints().forEach(point -> summary.addDataPoints(toProto(point)));
                builder.setSummary(summary);
            }
        }
        return builder.build();
    }

    private static io.opentelemetry.proto.metrics.v1.NumberDataPoint toProto(NumberDataPoint point) {
        var builder = io.opentelemetry.proto.metrics.v1.NumberDataPoint.newBuilder()
                .addAllAttributes(toProto(point.attributes())).setStartTimeUnixNano(point.startTimeUnixNano())
                .setTimeUnixNano(point.timeUnixNano()).setFlags(point.flags());
        switch (point.valueType()) {
            case DOUBLE -> builder.setAsDouble(point.doubleValue());
            case INT -> builder.setAsInt(point.intValue());
            case EMPTY -> {
            }
        }
        point.exemplars().forEach(exemplar -> builder.addExemplars(toProto(exemplar)));
        return builder.build();
    }

    private static io.opentelemetry.proto.metrics.v1.Exemplar toProto(Exemplar exemplar) {
        var builder = io.opentelemetry.proto.metrics.v1.Exemplar.newBuilder()
                .addAllFilteredAttributes(toProto(exemplar.filteredAttributes()))
                .setTimeUnixNano(exemplar.timeUnixNano()).setSpanId(id(exemplar.spanId()))
                .setTraceId(id(exemplar.traceId()));
        switch (exemplar.valueType()) {
            case DOUBLE -> builder.setAsDouble(exemplar.doubleValue());
            case INT -> builder.setAsInt(exemplar.intValue());
            case EMPTY -> {
            }
        }
        return builder.build();
    }

    private static io.opentelemetry.proto.metrics.v1.HistogramDataPoint toProto(HistogramDataPoint point) {
        var builder = io.opentelemetry.proto.metrics.v1.HistogramDataPoint.newBuilder()
                .addAllAttributes(toProto(point.attributes())).setStartTimeUnixNano(point.startTimeUnixNano())
                .setTimeUnixNano(point.timeUnixNano()).setFlags(point.flags()).setCount(point.count());
        if (point.hasSum()) {
            builder.setSum(point.sum());
        }
        if (point.hasMin()) {
            builder.setMin(point.min());
        }
        if (point.hasMax()) {
            builder.setMax(point.max());
        }
        for (long count : point.bucketCounts()) {
            builder.addBucketCounts(count);
        }
        for (double bound : point.explicitBounds()) {
            builder.addExplicitBounds(bound);
        }
        point.exemplars().forEach(exemplar -> builder.addExemplars(toProto(exemplar)));
        return builder.build();
    }

    private static io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint toProto(
            io.otelier.pdata.metrics.ExponentialHistogramDataPoint point) {
        var builder = ExponentialHistogramDataPoint.newBuilder()
                .addAllAttributes(toProto(point.attributes())).setStartTimeUnixNano(point.startTimeUnixNano())
                .setTimeUnixNano(point.timeUnixNano()).setFlags(point.flags()).setCount(point.count())
                .setScale(point.scale()).setZeroCount(point.zeroCount()).setZeroThreshold(point.zeroThreshold());
        if (point.hasSum()) {
            builder.setSum(point.sum());
        }
        if (point.hasMin()) {
            builder.setMin(point.min());
        }
        if (point.hasMax()) {
            builder.setMax(point.max());
        }
        if (point.positive().offset() != 0 || point.positive().bucketCountsCount() > 0) {
            builder.setPositive(toProto(point.positive()));
        }
        if (point.negative().offset() != 0 || point.negative().bucketCountsCount() > 0) {
            builder.setNegative(toProto(point.negative()));
        }
        point.exemplars().forEach(exemplar -> builder.addExemplars(toProto(exemplar)));
        return builder.build();
    }

    private static ExponentialHistogramDataPoint.Buckets toProto(
            io.otelier.pdata.metrics.ExponentialHistogramDataPoint.Buckets buckets) {
        var builder = ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(buckets.offset());
        for (long count : buckets.bucketCounts()) {
            builder.addBucketCounts(count);
        }
        return builder.build();
    }

    private static io.opentelemetry.proto.metrics.v1.SummaryDataPoint toProto(SummaryDataPoint point) {
        var builder = io.opentelemetry.proto.metrics.v1.SummaryDataPoint.newBuilder()
                .addAllAttributes(toProto(point.attributes())).setStartTimeUnixNano(point.startTimeUnixNano())
                .setTimeUnixNano(point.timeUnixNano()).setFlags(point.flags()).setCount(point.count())
                .setSum(point.sum());
        point.quantileValues().forEach(q -> builder.addQuantileValues(
                io.opentelemetry.proto.metrics.v1.SummaryDataPoint.ValueAtQuantile.newBuilder()
                        .setQuantile(q.quantile()).setValue(q.value())));
        return builder.build();
    }

    static Metrics fromProto(ExportMetricsServiceRequest request) {
        Metrics metrics = new Metrics();
        request.getResourceMetricsList().forEach(rm -> {
            var resourceMetrics = metrics.resourceMetrics().addNew().setSchemaUrl(rm.getSchemaUrl());
            fromProto(rm.getResource(), resourceMetrics.resource());
            rm.getScopeMetricsList().forEach(sm -> {
                var scopeMetrics = resourceMetrics.scopeMetrics().addNew().setSchemaUrl(sm.getSchemaUrl());
                fromProto(sm.getScope(), scopeMetrics.scope());
                sm.getMetricsList().forEach(metric -> fromProto(metric, scopeMetrics.metrics().addNew()));
            });
        });
        return metrics;
    }

    private static void fromProto(io.opentelemetry.proto.metrics.v1.Metric in, Metric metric) {
        metric.setName(in.getName()).setDescription(in.getDescription()).setUnit(in.getUnit());
        fromProto(in.getMetadataList(), metric.metadata());
        switch (in.getDataCase()) {
            case GAUGE -> {
                var gauge = metric.setEmptyGauge();
                in.getGauge().getDataPointsList().forEach(p -> fromProto(p, gauge.dataPoints().addNew()));
            }
            case SUM -> {
                Sum sum = metric.setEmptySum().setIsMonotonic(in.getSum().getIsMonotonic())
                        .setAggregationTemporality(AggregationTemporality.fromNumber(
                                in.getSum().getAggregationTemporalityValue()));
                in.getSum().getDataPointsList().forEach(p -> fromProto(p, sum.dataPoints().addNew()));
            }
            case HISTOGRAM -> {
                var histogram = metric.setEmptyHistogram().setAggregationTemporality(
                        AggregationTemporality.fromNumber(in.getHistogram().getAggregationTemporalityValue()));
                in.getHistogram().getDataPointsList().forEach(p -> {
                    HistogramDataPoint point = histogram.dataPoints().addNew().setCount(p.getCount())
                            .setStartTimeUnixNano(p.getStartTimeUnixNano()).setTimeUnixNano(p.getTimeUnixNano())
                            .setFlags(Integer.toUnsignedLong(p.getFlags()))
                            .setBucketCounts(p.getBucketCountsList().stream().mapToLong(Long::longValue).toArray())
                            .setExplicitBounds(p.getExplicitBoundsList().stream()
                                    .mapToDouble(Double::doubleValue).toArray());
                    if (p.hasSum()) {
                        point.setSum(p.getSum());
                    }
                    if (p.hasMin()) {
                        point.setMin(p.getMin());
                    }
                    if (p.hasMax()) {
                        point.setMax(p.getMax());
                    }
                    fromProto(p.getAttributesList(), point.attributes());
                    p.getExemplarsList().forEach(e -> fromProto(e, point.exemplars().addNew()));
                });
            }
            case EXPONENTIAL_HISTOGRAM -> {
                var histogram = metric.setEmptyExponentialHistogram().setAggregationTemporality(
                        AggregationTemporality.fromNumber(
                                in.getExponentialHistogram().getAggregationTemporalityValue()));
                in.getExponentialHistogram().getDataPointsList().forEach(p -> {
                    var point = histogram.dataPoints().addNew().setCount(p.getCount())
                            .setStartTimeUnixNano(p.getStartTimeUnixNano()).setTimeUnixNano(p.getTimeUnixNano())
                            .setFlags(Integer.toUnsignedLong(p.getFlags())).setScale(p.getScale())
                            .setZeroCount(p.getZeroCount()).setZeroThreshold(p.getZeroThreshold());
                    if (p.hasSum()) {
                        point.setSum(p.getSum());
                    }
                    if (p.hasMin()) {
                        point.setMin(p.getMin());
                    }
                    if (p.hasMax()) {
                        point.setMax(p.getMax());
                    }
                    point.positive().setOffset(p.getPositive().getOffset()).setBucketCounts(
                            p.getPositive().getBucketCountsList().stream().mapToLong(Long::longValue).toArray());
                    point.negative().setOffset(p.getNegative().getOffset()).setBucketCounts(
                            p.getNegative().getBucketCountsList().stream().mapToLong(Long::longValue).toArray());
                    fromProto(p.getAttributesList(), point.attributes());
                    p.getExemplarsList().forEach(e -> fromProto(e, point.exemplars().addNew()));
                });
            }
            case SUMMARY -> {
                var summary = metric.setEmptySummary();
                in.getSummary().getDataPointsList().forEach(p -> {
                    var point = summary.dataPoints().addNew().setCount(p.getCount()).setSum(p.getSum())
                            .setStartTimeUnixNano(p.getStartTimeUnixNano()).setTimeUnixNano(p.getTimeUnixNano())
                            .setFlags(Integer.toUnsignedLong(p.getFlags()));
                    fromProto(p.getAttributesList(), point.attributes());
                    p.getQuantileValuesList().forEach(q ->
                            point.quantileValues().addNew().setQuantile(q.getQuantile()).setValue(q.getValue()));
                });
            }
            case DATA_NOT_SET -> {
            }
        }
    }

    private static void fromProto(io.opentelemetry.proto.metrics.v1.NumberDataPoint in, NumberDataPoint point) {
        point.setStartTimeUnixNano(in.getStartTimeUnixNano()).setTimeUnixNano(in.getTimeUnixNano())
                .setFlags(Integer.toUnsignedLong(in.getFlags()));
        switch (in.getValueCase()) {
            case AS_DOUBLE -> point.setDoubleValue(in.getAsDouble());
            case AS_INT -> point.setIntValue(in.getAsInt());
            case VALUE_NOT_SET -> {
            }
        }
        fromProto(in.getAttributesList(), point.attributes());
        in.getExemplarsList().forEach(e -> fromProto(e, point.exemplars().addNew()));
    }

    private static void fromProto(io.opentelemetry.proto.metrics.v1.Exemplar in, Exemplar exemplar) {
        exemplar.setTimeUnixNano(in.getTimeUnixNano()).setTraceId(traceId(in.getTraceId()))
                .setSpanId(spanId(in.getSpanId()));
        switch (in.getValueCase()) {
            case AS_DOUBLE -> exemplar.setDoubleValue(in.getAsDouble());
            case AS_INT -> exemplar.setIntValue(in.getAsInt());
            case VALUE_NOT_SET -> {
            }
        }
        fromProto(in.getFilteredAttributesList(), exemplar.filteredAttributes());
    }

    // ---- logs

    static ExportLogsServiceRequest toProto(Logs logs) {
        var request = ExportLogsServiceRequest.newBuilder();
        logs.resourceLogs().forEach(rl -> {
            var resourceLogs = io.opentelemetry.proto.logs.v1.ResourceLogs.newBuilder().setSchemaUrl(rl.schemaUrl());
            if (!isEmpty(rl.resource())) {
                resourceLogs.setResource(toProto(rl.resource()));
            }
            rl.scopeLogs().forEach(sl -> {
                var scopeLogs = ScopeLogs.newBuilder().setSchemaUrl(sl.schemaUrl());
                if (!isEmpty(sl.scope())) {
                    scopeLogs.setScope(toProto(sl.scope()));
                }
                sl.logRecords().forEach(record -> scopeLogs.addLogRecords(toProto(record)));
                resourceLogs.addScopeLogs(scopeLogs);
            });
            request.addResourceLogs(resourceLogs);
        });
        return request.build();
    }

    private static io.opentelemetry.proto.logs.v1.LogRecord toProto(LogRecord record) {
        var builder = io.opentelemetry.proto.logs.v1.LogRecord.newBuilder().setTimeUnixNano(record.timeUnixNano())
                .setObservedTimeUnixNano(record.observedTimeUnixNano())
                .setSeverityNumberValue(record.severityNumber().number()).setSeverityText(record.severityText())
                .addAllAttributes(toProto(record.attributes()))
                .setDroppedAttributesCount(record.droppedAttributesCount()).setFlags(record.flags())
                .setTraceId(id(record.traceId())).setSpanId(id(record.spanId())).setEventName(record.eventName());
        if (record.body().type() != AnyValue.Type.EMPTY) {
            builder.setBody(toProto(record.body()));
        }
        return builder.build();
    }

    static Logs fromProto(ExportLogsServiceRequest request) {
        Logs logs = new Logs();
        request.getResourceLogsList().forEach(rl -> {
            var resourceLogs = logs.resourceLogs().addNew().setSchemaUrl(rl.getSchemaUrl());
            fromProto(rl.getResource(), resourceLogs.resource());
            rl.getScopeLogsList().forEach(sl -> {
                var scopeLogs = resourceLogs.scopeLogs().addNew().setSchemaUrl(sl.getSchemaUrl());
                fromProto(sl.getScope(), scopeLogs.scope());
                sl.getLogRecordsList().forEach(in -> {
                    LogRecord record = scopeLogs.logRecords().addNew().setTimeUnixNano(in.getTimeUnixNano())
                            .setObservedTimeUnixNano(in.getObservedTimeUnixNano())
                            .setSeverityNumber(SeverityNumber.fromNumber(in.getSeverityNumberValue()))
                            .setSeverityText(in.getSeverityText()).setBody(fromProto(in.getBody()))
                            .setDroppedAttributesCount(Integer.toUnsignedLong(in.getDroppedAttributesCount()))
                            .setFlags(Integer.toUnsignedLong(in.getFlags())).setTraceId(traceId(in.getTraceId()))
                            .setSpanId(spanId(in.getSpanId())).setEventName(in.getEventName());
                    fromProto(in.getAttributesList(), record.attributes());
                });
            });
        });
        return logs;
    }
}
