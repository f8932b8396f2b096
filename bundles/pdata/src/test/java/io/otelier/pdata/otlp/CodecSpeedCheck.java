package io.otelier.pdata.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick comparison of decode + encode time against the generated classes (issue 8 asks for 1.5x), on batches
 * shaped like real SDK exports. Not a JMH benchmark and not part of the normal build: run it with
 * {@code mvn -pl bundles/pdata test -Dtest=CodecSpeedCheck -Dotelier.bench=true} on a quiet machine.
 */
@EnabledIfSystemProperty(named = "otelier.bench", matches = "true")
class CodecSpeedCheck {

    private static final long WARMUP_NANOS = 4_000_000_000L;
    private static final long MEASURE_NANOS = 6_000_000_000L;
    private static final int ROUNDS = 20;
    private static long sink;

    interface Work {
        void run() throws Exception;
    }

    @Test
    void compareWithTheGeneratedClasses() throws Exception {
        byte[] traces = OtlpProto.encode(traces());
        byte[] metrics = OtlpProto.encode(metrics());
        byte[] logs = OtlpProto.encode(logs());
        report("traces", traces.length,
                () -> sink += OtlpProto.encode(OtlpProto.decodeTraces(traces)).length,
                () -> sink += ExportTraceServiceRequest.parseFrom(traces).toByteArray().length);
        report("metrics", metrics.length,
                () -> sink += OtlpProto.encode(OtlpProto.decodeMetrics(metrics)).length,
                () -> sink += ExportMetricsServiceRequest.parseFrom(metrics).toByteArray().length);
        report("logs", logs.length,
                () -> sink += OtlpProto.encode(OtlpProto.decodeLogs(logs)).length,
                () -> sink += ExportLogsServiceRequest.parseFrom(logs).toByteArray().length);
        report("traces decode only", traces.length,
                () -> sink += OtlpProto.decodeTraces(traces).spanCount(),
                () -> sink += ExportTraceServiceRequest.parseFrom(traces).getResourceSpansCount());
        Traces decoded = OtlpProto.decodeTraces(traces);
        report("traces encode only", traces.length,
                () -> sink += OtlpProto.encode(decoded).length,
                () -> sink += ProtoConverter.toProto(decoded).toByteArray().length); // includes building: not fair
        byte[] json = OtlpJson.encode(decoded);
        report("traces JSON decode + encode (vs protobuf)", json.length,
                () -> sink += OtlpJson.encode(OtlpJson.decodeTraces(json)).length,
                () -> sink += ExportTraceServiceRequest.parseFrom(traces).toByteArray().length);
    }

    /**
     * Alternates short rounds of both sides and keeps each side's best round, so that a burst of load from other
     * processes on a shared machine does not decide the result.
     */
    private static void report(String name, int bytes, Work ours, Work generated) throws Exception {
        runFor(ours, WARMUP_NANOS / 2);
        runFor(generated, WARMUP_NANOS / 2);
        double oursNanos = Double.MAX_VALUE;
        double theirsNanos = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            oursNanos = Math.min(oursNanos, runFor(ours, MEASURE_NANOS / ROUNDS));
            theirsNanos = Math.min(theirsNanos, runFor(generated, MEASURE_NANOS / ROUNDS));
        }
        System.out.printf("%-45s %7d bytes: ours %8.1f us, generated %8.1f us, ratio %.2fx%n", name, bytes,
                oursNanos / 1000, theirsNanos / 1000, theirsNanos / oursNanos);
    }

    /** Nanoseconds per run over about {@code nanos}. */
    private static double runFor(Work work, long nanos) throws Exception {
        long start = System.nanoTime();
        long end = start + nanos;
        long runs = 0;
        while (System.nanoTime() < end) {
            work.run();
            runs++;
        }
        return (System.nanoTime() - start) / (double) runs;
    }

    /** 1 resource (10 attributes), 1 scope, 200 spans with 8 attributes, one event each. */
    static Traces traces() {
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
                    .setStartTimeUnixNano(1_700_000_000_000_000_000L + i).setEndTimeUnixNano(1_700_000_000_100_000_000L)
                    .setFlags(1);
            span.attributes().put("http.request.method", "GET").put("http.response.status_code", 200)
                    .put("url.path", "/api/v1/items/" + i).put("server.address", "items.example.com")
                    .put("server.port", 443).put("network.protocol.version", "1.1")
                    .put("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64)").put("duration", 0.125);
            span.events().addNew().setName("cache.miss").setTimeUnixNano(1_700_000_000_050_000_000L)
                    .attributes().put("cache.key", "item:" + i);
            span.status().setCode(io.otelier.pdata.trace.StatusCode.OK);
        }
        return traces;
    }

    /** 1 resource, 1 scope, 50 histograms and 50 sums, 4 points each. */
    static Metrics metrics() {
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
    static Logs logs() {
        Random random = new Random(2);
        Logs logs = new Logs();
        var resourceLogs = logs.resourceLogs().addNew();
        resourceLogs.resource().attributes().put("service.name", "items").put("k8s.pod.name", "items-7d9f");
        var scope = resourceLogs.scopeLogs().addNew();
        for (int i = 0; i < 300; i++) {
            LogRecord record = scope.logRecords().addNew().setTimeUnixNano(1_700_000_000_000_000_000L + i)
                    .setObservedTimeUnixNano(1_700_000_000_000_000_001L).setSeverityNumber(SeverityNumber.INFO)
                    .setSeverityText("INFO").setTraceId(TraceId.fromLongs(random.nextLong(), random.nextLong()))
                    .setSpanId(SpanId.fromLong(random.nextLong()))
                    .setBody(AnyValue.of("GET /api/v1/items/" + i + " completed in 12ms with status 200"));
            record.attributes().put("log.file.name", "app.log").put("thread.name", "worker-" + (i % 8))
                    .put("code.function", "handle").put("code.lineno", 120).put("user.id", "u" + i);
        }
        return logs;
    }
}
