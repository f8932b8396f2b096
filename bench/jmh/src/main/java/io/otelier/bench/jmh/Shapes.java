package io.otelier.bench.jmh;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The requests the benchmarks encode and decode. The {@code *-loadgen} shapes are what bench/tools/loadgen sends
 * (upstream testbed's shape: one resource, 100 items with five attributes); the {@code *-mixed} shapes are
 * larger batches like real SDK exports (events, histograms, log bodies, more and longer attributes).
 */
enum Shapes {
    TRACES_LOADGEN("traces-loadgen", Shapes::tracesLoadgen),
    TRACES_MIXED("traces-mixed", Shapes::tracesMixed),
    METRICS_LOADGEN("metrics-loadgen", Shapes::metricsLoadgen),
    METRICS_MIXED("metrics-mixed", Shapes::metricsMixed),
    LOGS_LOADGEN("logs-loadgen", Shapes::logsLoadgen),
    LOGS_MIXED("logs-mixed", Shapes::logsMixed);

    private static final long NOW = 1_700_000_000_000_000_000L;

    final String id;
    private final Supplier<Telemetry> maker;

    Shapes(String id, Supplier<Telemetry> maker) {
        this.id = id;
        this.maker = maker;
    }

    Telemetry make() {
        return maker.get();
    }

    static Shapes byId(String id) {
        for (Shapes shape : values()) {
            if (shape.id.equals(id)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape " + id);
    }

    private static void loadgenResource(Attributes attributes) {
        attributes.put("service.name", "load-generator").put("host.name", "bench-host");
    }

    private static void loadgenAttributes(Attributes attributes, long seq) {
        attributes.put("load_generator.span_seq_num", seq).put("load_generator.trace_seq_num", seq / 10)
                .put("http.request.method", "GET").put("url.full", "https://example.com/api/v1/items")
                .put("http.response.status_code", 200);
    }

    static Traces tracesLoadgen() {
        Traces traces = new Traces();
        var resourceSpans = traces.resourceSpans().addNew();
        loadgenResource(resourceSpans.resource().attributes());
        ScopeSpans scope = resourceSpans.scopeSpans().addNew();
        for (long seq = 1_000_000; seq < 1_000_100; seq++) {
            Span span = scope.spans().addNew().setTraceId(TraceId.fromLongs(1L << 56, Long.reverseBytes(seq)))
                    .setSpanId(SpanId.fromLong(Long.reverseBytes(seq) | 0x80)).setName("load-generator-span")
                    .setKind(SpanKind.CLIENT).setStartTimeUnixNano(NOW).setEndTimeUnixNano(NOW + 1000);
            loadgenAttributes(span.attributes(), seq);
        }
        return traces;
    }

    static Metrics metricsLoadgen() {
        Metrics metrics = new Metrics();
        var resourceMetrics = metrics.resourceMetrics().addNew();
        loadgenResource(resourceMetrics.resource().attributes());
        ScopeMetrics scope = resourceMetrics.scopeMetrics().addNew();
        for (long seq = 1_000_000; seq < 1_000_100; seq++) {
            Metric metric = scope.metrics().addNew().setName("load_generator_metric").setUnit("1");
            var point = metric.setEmptyGauge().dataPoints().addNew().setTimeUnixNano(NOW).setStartTimeUnixNano(NOW)
                    .setIntValue(seq);
            loadgenAttributes(point.attributes(), seq);
        }
        return metrics;
    }

    static Logs logsLoadgen() {
        Logs logs = new Logs();
        var resourceLogs = logs.resourceLogs().addNew();
        loadgenResource(resourceLogs.resource().attributes());
        var scope = resourceLogs.scopeLogs().addNew();
        for (long seq = 1_000_000; seq < 1_000_100; seq++) {
            LogRecord record = scope.logRecords().addNew().setTimeUnixNano(NOW).setObservedTimeUnixNano(NOW)
                    .setSeverityNumber(SeverityNumber.INFO).setSeverityText("INFO")
                    .setBody(AnyValue.of("Load Generator Counter #" + seq));
            loadgenAttributes(record.attributes(), seq);
        }
        return logs;
    }

    /** 1 resource (10 attributes), 1 scope, 200 spans with 8 attributes and one event each. */
    static Traces tracesMixed() {
        Random random = new Random(1);
        Traces traces = new Traces();
        var resourceSpans = traces.resourceSpans().addNew();
        for (int i = 0; i < 10; i++) {
            resourceSpans.resource().attributes().put("resource.attribute." + i, "value-" + i);
        }
        ScopeSpans scope = resourceSpans.scopeSpans().addNew();
        scope.scope().setName("io.opentelemetry.http").setVersion("1.40.0");
        for (int i = 0; i < 200; i++) {
            Span span = scope.spans().addNew().setTraceId(TraceId.fromLongs(random.nextLong(), random.nextLong()))
                    .setSpanId(SpanId.fromLong(random.nextLong())).setParentSpanId(SpanId.fromLong(random.nextLong()))
                    .setName("GET /api/v1/items/{id}").setKind(SpanKind.SERVER)
                    .setStartTimeUnixNano(NOW + i).setEndTimeUnixNano(NOW + 100_000_000L).setFlags(1);
            span.attributes().put("http.request.method", "GET").put("http.response.status_code", 200)
                    .put("url.path", "/api/v1/items/" + i).put("server.address", "items.example.com")
                    .put("server.port", 443).put("network.protocol.version", "1.1")
                    .put("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64)").put("duration", 0.125);
            span.events().addNew().setName("cache.miss").setTimeUnixNano(NOW + 50_000_000L)
                    .attributes().put("cache.key", "item:" + i);
            span.status().setCode(StatusCode.OK);
        }
        return traces;
    }

    /** 1 resource, 1 scope, 50 histograms and 50 sums, 4 points each. */
    static Metrics metricsMixed() {
        Metrics metrics = new Metrics();
        var resourceMetrics = metrics.resourceMetrics().addNew();
        resourceMetrics.resource().attributes().put("service.name", "items").put("host.name", "node-1");
        ScopeMetrics scope = resourceMetrics.scopeMetrics().addNew();
        scope.scope().setName("io.opentelemetry.runtime");
        for (int m = 0; m < 50; m++) {
            Metric histogram = scope.metrics().addNew().setName("http.server.duration." + m).setUnit("ms");
            var data = histogram.setEmptyHistogram().setAggregationTemporality(AggregationTemporality.CUMULATIVE);
            Metric sum = scope.metrics().addNew().setName("http.server.requests." + m).setUnit("1");
            var sumData = sum.setEmptySum().setAggregationTemporality(AggregationTemporality.CUMULATIVE)
                    .setIsMonotonic(true);
            for (int p = 0; p < 4; p++) {
                HistogramDataPoint point = data.dataPoints().addNew().setStartTimeUnixNano(1).setTimeUnixNano(2)
                        .setCount(100).setSum(1234.5).setMin(0.5).setMax(99.5)
                        .setBucketCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
                        .setExplicitBounds(0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500);
                point.attributes().put("http.route", "/items/" + p).put("http.request.method", "GET");
                sumData.dataPoints().addNew().setStartTimeUnixNano(1).setTimeUnixNano(2).setIntValue(42 + p)
                        .attributes().put("http.route", "/items/" + p).put("http.request.method", "GET");
            }
        }
        return metrics;
    }

    /** 1 resource, 1 scope, 300 log records with a body and 5 attributes. */
    static Logs logsMixed() {
        Random random = new Random(2);
        Logs logs = new Logs();
        var resourceLogs = logs.resourceLogs().addNew();
        resourceLogs.resource().attributes().put("service.name", "items").put("k8s.pod.name", "items-7d9f");
        var scope = resourceLogs.scopeLogs().addNew();
        for (int i = 0; i < 300; i++) {
            LogRecord record = scope.logRecords().addNew().setTimeUnixNano(NOW + i).setObservedTimeUnixNano(NOW + 1)
                    .setSeverityNumber(SeverityNumber.INFO).setSeverityText("INFO")
                    .setTraceId(TraceId.fromLongs(random.nextLong(), random.nextLong()))
                    .setSpanId(SpanId.fromLong(random.nextLong()))
                    .setBody(AnyValue.of("GET /api/v1/items/" + i + " completed in 12ms with status 200"));
            record.attributes().put("log.file.name", "app.log").put("thread.name", "worker-" + (i % 8))
                    .put("code.function", "handle").put("code.lineno", 120).put("user.id", "u" + i);
        }
        return logs;
    }
}
