package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.ExponentialHistogram;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.Histogram;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanEvent;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.SpanLink;
import io.otelier.pdata.trace.StatusCode;

/**
 * A tree of every kind of data, built exactly like interop/debug-exporter/main.go builds it for upstream's debug
 * exporter, whose output is in src/test/resources/golden. Change both together.
 */
final class GoldenData {

    static final long T_START = 1581452772000000321L;
    static final long T_END = 1581452773000000789L;
    static final long T_EVENT = 1581452773000000123L;

    static final TraceId TRACE_A = TraceId.fromHex("0102030405060708090a0b0c0d0e0f10");
    static final TraceId TRACE_B = TraceId.fromHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");
    static final SpanId SPAN_A = SpanId.fromHex("1112131415161718");
    static final SpanId SPAN_B = SpanId.fromHex("2122232425262728");
    static final SpanId SPAN_C = SpanId.fromHex("a1b2c3d4e5f60708");

    private GoldenData() {
    }

    /** One attribute of every value type, nested ones included. */
    static void putEveryType(Attributes attributes) {
        attributes.put("service.name", "checkout");
        attributes.put("host.cores", 8L);
        attributes.put("sampled", true);
        attributes.put("load", 0.75);
        attributes.put("blob", AnyValue.ofBytes(new byte[] {1, 2, 3, (byte) 255}));
        attributes.put("tags", AnyValue.ofArray(AnyValue.of("a"), AnyValue.of(1L), AnyValue.of(false),
                AnyValue.of(2.5), AnyValue.empty()));
        attributes.put("labels", AnyValue.ofKvList(
                new KeyValue("z", AnyValue.of("last")),
                new KeyValue("a", AnyValue.of(1L)),
                new KeyValue("nested", AnyValue.ofKvList(new KeyValue("k", AnyValue.of("v\t\"q\"\\"))))));
        attributes.put("nothing", AnyValue.empty());
    }

    static Traces traces() {
        Traces traces = new Traces();
        ResourceSpans rs = traces.resourceSpans().addNew().setSchemaUrl("https://opentelemetry.io/schemas/1.25.0");
        putEveryType(rs.resource().attributes());

        ScopeSpans ss = rs.scopeSpans().addNew().setSchemaUrl("https://opentelemetry.io/schemas/1.24.0");
        ss.scope().setName("io.otelier.test").setVersion("1.2.3").attributes().put("lib.lang", "java");

        Span span = ss.spans().addNew().setTraceId(TRACE_A).setSpanId(SPAN_A).setParentSpanId(SPAN_B)
                .setName("GET /cart").setKind(SpanKind.SERVER).setTraceState("ot=th:0;rv:abc")
                .setStartTimeUnixNano(T_START).setEndTimeUnixNano(T_END)
                .setDroppedAttributesCount(1).setDroppedEventsCount(2).setDroppedLinksCount(3);
        span.status().setCode(StatusCode.ERROR).setMessage("boom");
        span.attributes().put("http.method", "GET").put("http.status_code", 500L);
        SpanEvent event = span.events().addNew().setName("exception").setTimeUnixNano(T_EVENT)
                .setDroppedAttributesCount(2);
        event.attributes().put("exception.message", "oops\nline two");
        span.events().addNew().setName("retry");
        SpanLink link = span.links().addNew().setTraceId(TRACE_B).setSpanId(SPAN_C).setTraceState("k=v")
                .setDroppedAttributesCount(1);
        link.attributes().put("link.kind", "follows");
        span.links().addNew();

        ss.spans().addNew(); // a span with nothing set

        Span db = rs.scopeSpans().addNew().spans().addNew().setTraceId(TRACE_A).setSpanId(SPAN_C)
                .setParentSpanId(SPAN_A).setName("db.query").setKind(SpanKind.CLIENT)
                .setStartTimeUnixNano(T_START).setEndTimeUnixNano(T_END);
        db.status().setCode(StatusCode.OK);
        db.attributes().put("db.system", "postgresql");

        ResourceSpans rs2 = traces.resourceSpans().addNew();
        ScopeSpans onlyName = rs2.scopeSpans().addNew();
        onlyName.scope().setName("only-name");
        onlyName.spans().addNew().setName("publish").setKind(SpanKind.PRODUCER).setTraceId(TRACE_B)
                .setSpanId(SPAN_B);
        ScopeSpans onlyVersion = rs2.scopeSpans().addNew();
        onlyVersion.scope().setVersion("0.0.1");
        onlyVersion.spans().addNew().setName("consume").setKind(SpanKind.CONSUMER);
        ScopeSpans onlySchema = rs2.scopeSpans().addNew().setSchemaUrl("https://example.com/scope-schema");
        onlySchema.spans().addNew().setName("internal-work").setKind(SpanKind.INTERNAL).attributes()
                .put("ratio", 1e21).put("tiny", 1.5e-7);
        return traces;
    }

    static Metrics metrics() {
        Metrics metrics = new Metrics();
        ResourceMetrics rm = metrics.resourceMetrics().addNew()
                .setSchemaUrl("https://opentelemetry.io/schemas/1.25.0");
        rm.resource().attributes().put("service.name", "meter-svc");
        ScopeMetrics sm = rm.scopeMetrics().addNew().setSchemaUrl("https://example.com/scope-schema");
        sm.scope().setName("io.otelier.metrics").setVersion("0.1.0").attributes().put("scope.attr", true);

        Metric gaugeInt = sm.metrics().addNew().setName("gauge-int").setDescription("an int gauge").setUnit("1");
        NumberDataPoint p = gaugeInt.setEmptyGauge().dataPoints().addNew().setStartTimeUnixNano(T_START)
                .setTimeUnixNano(T_END).setIntValue(123);
        p.attributes().put("label-1", "v1").put("label-2", 2L);
        p.exemplars().addNew().setIntValue(5).setTimeUnixNano(T_EVENT).setTraceId(TRACE_A).setSpanId(SPAN_A)
                .filteredAttributes().put("ex", "1");
        gaugeInt.gauge().dataPoints().addNew().setTimeUnixNano(T_END).setIntValue(-7);

        fillDoubleGauge(sm.metrics().addNew().setName("gauge-double").setUnit("s"));

        Metric sumInt = sm.metrics().addNew().setName("sum-int").setUnit("By");
        sumInt.metadata().put("prometheus.type", "counter");
        Sum sum = sumInt.setEmptySum().setIsMonotonic(true)
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        sum.dataPoints().addNew().setStartTimeUnixNano(T_START).setTimeUnixNano(T_END).setIntValue(1_000_000)
                .attributes().put("state", "used");

        Sum sumDouble = sm.metrics().addNew().setName("sum-double").setEmptySum()
                .setAggregationTemporality(AggregationTemporality.DELTA);
        sumDouble.dataPoints().addNew().setTimeUnixNano(T_END).setDoubleValue(3.75).exemplars().addNew()
                .setDoubleValue(0.5);

        Histogram histogram = sm.metrics().addNew().setName("histogram").setUnit("ms").setEmptyHistogram()
                .setAggregationTemporality(AggregationTemporality.CUMULATIVE);
        HistogramDataPoint hp = histogram.dataPoints().addNew().setStartTimeUnixNano(T_START).setTimeUnixNano(T_END)
                .setCount(10).setSum(55.5).setMin(0.5).setMax(20).setExplicitBounds(1, 5, 10)
                .setBucketCounts(1, 2, 3, 4);
        hp.attributes().put("route", "/a");
        hp.exemplars().addNew().setDoubleValue(7.25).setTimeUnixNano(T_EVENT).setTraceId(TRACE_B)
                .setSpanId(SPAN_B);
        histogram.dataPoints().addNew().setTimeUnixNano(T_END); // count 0, nothing optional
        histogram.dataPoints().addNew().setCount(3).setExplicitBounds(2.5).setBucketCounts(1, 2);

        ExponentialHistogram exponential = sm.metrics().addNew().setName("exponential-histogram")
                .setEmptyExponentialHistogram().setAggregationTemporality(AggregationTemporality.DELTA);
        ExponentialHistogramDataPoint ep = exponential.dataPoints().addNew().setStartTimeUnixNano(T_START)
                .setTimeUnixNano(T_END).setScale(1).setCount(5).setSum(0.15).setMin(-1.2).setMax(2.5)
                .setZeroCount(1);
        ep.positive().setOffset(1).setBucketCounts(1, 1);
        ep.negative().setOffset(0).setBucketCounts(1, 1);
        ep.attributes().put("label-1", "v1");
        ExponentialHistogramDataPoint ep2 = exponential.dataPoints().addNew().setScale(0).setCount(3).setSum(1.25)
                .setMin(0);
        ep2.positive().setOffset(-2).setBucketCounts(1, 0, 2);
        ExponentialHistogramDataPoint ep3 = exponential.dataPoints().addNew().setScale(-1).setCount(2);
        ep3.negative().setOffset(3).setBucketCounts(2);
        ExponentialHistogramDataPoint ep4 = exponential.dataPoints().addNew().setScale(3).setCount(4);
        ep4.positive().setOffset(-5).setBucketCounts(1, 1, 1, 1);
        ep4.exemplars().addNew().setIntValue(9);

        Metric summary = sm.metrics().addNew().setName("summary").setDescription("latency summary");
        SummaryDataPoint sp = summary.setEmptySummary().dataPoints().addNew().setStartTimeUnixNano(T_START)
                .setTimeUnixNano(T_END).setCount(4).setSum(17.5);
        double[][] quantiles = {{0, 1.5}, {0.5, 4}, {0.99, 9.75}, {1, 10}};
        for (double[] q : quantiles) {
            sp.quantileValues().addNew().setQuantile(q[0]).setValue(q[1]);
        }
        sp.attributes().put("label-1", "v1");
        summary.summary().dataPoints().addNew();

        sm.metrics().addNew().setName("empty-metric").setDescription("no data type");

        metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("solo")
                .setEmptyGauge().dataPoints().addNew().setDoubleValue(1);
        return metrics;
    }

    private static void fillDoubleGauge(Metric metric) {
        var points = metric.setEmptyGauge().dataPoints();
        for (double v : new double[] {0.1, 1e21, 1.23e-7, 123456789, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                2.5}) {
            points.addNew().setTimeUnixNano(T_END).setDoubleValue(v);
        }
        points.addNew().setTimeUnixNano(T_END); // no value at all
    }

    static Logs logs() {
        Logs logs = new Logs();
        ResourceLogs rl = logs.resourceLogs().addNew().setSchemaUrl("https://opentelemetry.io/schemas/1.25.0");
        rl.resource().attributes().put("service.name", "log-svc");
        ScopeLogs sl = rl.scopeLogs().addNew().setSchemaUrl("https://example.com/scope-schema");
        sl.scope().setName("io.otelier.logs").setVersion("2.0").attributes().put("scope.kind", "app");

        LogRecord first = sl.logRecords().addNew().setTimeUnixNano(T_END).setObservedTimeUnixNano(T_EVENT)
                .setSeverityText("INFO").setSeverityNumber(SeverityNumber.INFO).setEventName("user.login")
                .setBody(AnyValue.of("hello world")).setTraceId(TRACE_A).setSpanId(SPAN_A).setFlags(1);
        first.attributes().put("user.id", 42L).put("outcome", "ok");

        sl.logRecords().addNew().setBody(AnyValue.of(42L));
        sl.logRecords().addNew().setBody(AnyValue.of(3.14159)).setSeverityNumber(SeverityNumber.WARN2)
                .setSeverityText("WARN2");
        sl.logRecords().addNew().setBody(AnyValue.of(true));
        sl.logRecords().addNew().setBody(AnyValue.ofBytes(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe,
                (byte) 0xef}));
        sl.logRecords().addNew().setBody(AnyValue.ofArray(AnyValue.of("x"), AnyValue.of(2L),
                AnyValue.ofKvList(new KeyValue("k", AnyValue.of(false))), AnyValue.empty()))
                .attributes().put("kind", "array");
        sl.logRecords().addNew().setBody(AnyValue.ofKvList(
                new KeyValue("b", AnyValue.of("two")),
                new KeyValue("a", AnyValue.of(1.5)),
                new KeyValue("c", AnyValue.ofArray(AnyValue.of(1L))),
                new KeyValue("big", AnyValue.of(1e21)),
                new KeyValue("tiny", AnyValue.of(1e-7)),
                new KeyValue("quote", AnyValue.of("say \"hi\"\n")),
                new KeyValue("raw", AnyValue.ofBytes(new byte[] {0, 1})),
                new KeyValue("none", AnyValue.empty())));
        sl.logRecords().addNew(); // empty body, nothing else
        LogRecord multiLine = sl.logRecords().addNew().setBody(AnyValue.of("first line\nsecond line"))
                .setSeverityNumber(SeverityNumber.FATAL4).setSeverityText("FATAL4");
        multiLine.attributes().put("crash", true).put("load", 0.5);

        logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew().setBody(AnyValue.of(""));
        return logs;
    }

    /**
     * Values whose AsString form is easy to get wrong: upstream (pdata v1.71) writes JSON without HTML escaping
     * and prints non-finite doubles as NaN, Infinity, -Infinity (inside JSON they make the whole value "").
     */
    static Logs asStringCorners() {
        Logs logs = new Logs();
        var records = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords();
        records.addNew().setBody(AnyValue.of("<b>&</b>"));
        records.addNew().setBody(AnyValue.ofKvList(new KeyValue("html", AnyValue.of("<b>&</b>"))));
        records.addNew().setBody(AnyValue.ofArray(AnyValue.of("a<b")));
        records.addNew().setBody(AnyValue.of(Double.NaN));
        records.addNew().setBody(AnyValue.of(Double.POSITIVE_INFINITY));
        records.addNew().setBody(AnyValue.of(Double.NEGATIVE_INFINITY));
        records.addNew().setBody(AnyValue.ofKvList(new KeyValue("nan", AnyValue.of(Double.NaN))));
        LogRecord record = records.addNew().setBody(AnyValue.of("attributes"));
        record.attributes().put("nan", Double.NaN)
                .put("m", AnyValue.ofKvList(new KeyValue("k", AnyValue.of("x>y&z"))));
        return logs;
    }
}
