package io.otelier.pdata;

import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;

/** Trees with every field set, so copies and equality are checked on all of them. */
public final class Fixtures {

    public static final TraceId TRACE_ID = TraceId.fromHex("0102030405060708090a0b0c0d0e0f10");
    public static final SpanId SPAN_ID = SpanId.fromHex("1112131415161718");
    public static final SpanId PARENT_ID = SpanId.fromHex("2122232425262728");

    private Fixtures() {
    }

    /** 2 resources: the first with 2 scopes of 2 and 1 spans, the second with 1 scope of 1 span: 4 spans. */
    public static Traces traces() {
        Traces traces = new Traces();
        ResourceSpans first = traces.resourceSpans().addNew().setSchemaUrl("https://schema/1");
        first.resource().setDroppedAttributesCount(1).attributes().put("service.name", "checkout");
        ScopeSpans scope = first.scopeSpans().addNew().setSchemaUrl("https://schema/scope");
        scope.scope().setName("io.test").setVersion("1.0").setDroppedAttributesCount(2)
                .attributes().put("scope.attr", true);
        fullSpan(scope.spans().addNew());
        scope.spans().addNew().setName("second");
        first.scopeSpans().addNew().spans().addNew().setName("third");
        traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew().setName("fourth");
        return traces;
    }

    static void fullSpan(Span span) {
        span.setTraceId(TRACE_ID).setSpanId(SPAN_ID).setParentSpanId(PARENT_ID).setTraceState("k=v").setFlags(0x301)
                .setName("GET /cart").setKind(SpanKind.SERVER).setStartTimeUnixNano(1_000).setEndTimeUnixNano(2_000)
                .setDroppedAttributesCount(3).setDroppedEventsCount(4).setDroppedLinksCount(5);
        span.attributes().put("http.method", "GET").put("http.status_code", 200)
                .put("list", AnyValue.ofArray(AnyValue.of("a"), AnyValue.of(1)))
                .put("map", AnyValue.ofKvList(KeyValue.of("k", "v")))
                .put("bytes", AnyValue.ofBytes(new byte[] {1, 2}));
        span.events().addNew().setName("exception").setTimeUnixNano(1_500).setDroppedAttributesCount(1)
                .attributes().put("exception.type", "IOException");
        span.links().addNew().setTraceId(TRACE_ID).setSpanId(PARENT_ID).setTraceState("a=b").setFlags(1)
                .setDroppedAttributesCount(2).attributes().put("link", 1.5);
        span.status().setCode(StatusCode.ERROR).setMessage("boom");
    }

    /** 1 resource, 1 scope, 5 metrics (one of each kind): 2 + 1 + 1 + 1 + 2 = 7 data points; plus an empty one. */
    public static Metrics metrics() {
        Metrics metrics = new Metrics();
        ResourceMetrics resource = metrics.resourceMetrics().addNew().setSchemaUrl("https://schema/1");
        resource.resource().attributes().put("host.name", "h1");
        ScopeMetrics scope = resource.scopeMetrics().addNew().setSchemaUrl("s");
        scope.scope().setName("meter").setVersion("2");

        Metric gauge = scope.metrics().addNew().setName("temp").setDescription("temperature").setUnit("Cel");
        gauge.metadata().put("meta", "data");
        gauge.setEmptyGauge().dataPoints().addNew().setDoubleValue(21.5).setTimeUnixNano(10).setStartTimeUnixNano(5)
                .setFlags(1).attributes().put("room", "kitchen");
        gauge.gauge().dataPoints().addNew().setIntValue(7).exemplars().addNew().setIntValue(3).setTimeUnixNano(9)
                .setTraceId(TRACE_ID).setSpanId(SPAN_ID).filteredAttributes().put("user", "u1");

        Metric sum = scope.metrics().addNew().setName("requests").setUnit("1");
        sum.setEmptySum().setAggregationTemporality(AggregationTemporality.CUMULATIVE).setIsMonotonic(true)
                .dataPoints().addNew().setIntValue(42);

        HistogramDataPoint histogram = scope.metrics().addNew().setName("latency").setEmptyHistogram()
                .setAggregationTemporality(AggregationTemporality.DELTA).dataPoints().addNew();
        histogram.setCount(6).setSum(12.5).setMin(0.5).setMax(4).setBucketCounts(1, 2, 3)
                .setExplicitBounds(1, 2).setTimeUnixNano(20);
        histogram.exemplars().addNew().setDoubleValue(0.7);

        ExponentialHistogramDataPoint exponential = scope.metrics().addNew().setName("size")
                .setEmptyExponentialHistogram().setAggregationTemporality(AggregationTemporality.DELTA)
                .dataPoints().addNew();
        exponential.setCount(5).setSum(10).setMin(1).setMax(3).setScale(-2).setZeroCount(1).setZeroThreshold(0.01);
        exponential.positive().setOffset(-1).setBucketCounts(1, 2);
        exponential.negative().setOffset(2).setBucketCounts(1);

        SummaryDataPoint summary = scope.metrics().addNew().setName("rpc").setEmptySummary().dataPoints().addNew();
        summary.setCount(3).setSum(6);
        summary.quantileValues().addNew().setQuantile(0.5).setValue(2);
        summary.quantileValues().addNew().setQuantile(1).setValue(3);
        scope.metrics().get(4).summary().dataPoints().addNew().setCount(1);

        scope.metrics().addNew().setName("no data yet");
        return metrics;
    }

    /** 1 resource with 2 scopes of 2 and 1 records: 3 log records. */
    public static Logs logs() {
        Logs logs = new Logs();
        ResourceLogs resource = logs.resourceLogs().addNew().setSchemaUrl("https://schema/1");
        resource.resource().attributes().put("service.name", "api");
        ScopeLogs scope = resource.scopeLogs().addNew().setSchemaUrl("s");
        scope.scope().setName("logger");
        LogRecord full = scope.logRecords().addNew().setTimeUnixNano(1).setObservedTimeUnixNano(2)
                .setSeverityNumber(SeverityNumber.WARN).setSeverityText("WARN").setBody(AnyValue.of("disk full"))
                .setDroppedAttributesCount(1).setFlags(1).setTraceId(TRACE_ID).setSpanId(SPAN_ID)
                .setEventName("disk.full");
        full.attributes().put("disk", "/dev/sda");
        scope.logRecords().addNew().setBody(AnyValue.of(3));
        resource.scopeLogs().addNew().logRecords().addNew().setSeverityNumber(SeverityNumber.ERROR);
        return logs;
    }
}
