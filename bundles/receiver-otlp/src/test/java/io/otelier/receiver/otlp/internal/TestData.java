package io.otelier.receiver.otlp.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.SpanKind;

/** Small batches of each signal, with enough fields set that a lossy path would show. */
final class TestData {

    private TestData() {
    }

    static Traces traces(int spans) {
        Traces traces = new Traces();
        var resource = traces.resourceSpans().addNew();
        resource.resource().attributes().put("service.name", "otlp-receiver-test");
        ScopeSpans scope = resource.scopeSpans().addNew();
        scope.scope().setName("test-scope").setVersion("1.0");
        for (int i = 0; i < spans; i++) {
            scope.spans().addNew()
                    .setTraceId(TraceId.fromLongs(0x0102030405060708L, i + 1))
                    .setSpanId(SpanId.fromLong(0x1000 + i))
                    .setName("span-" + i)
                    .setKind(SpanKind.SERVER)
                    .setStartTimeUnixNano(1_700_000_000_000_000_000L + i)
                    .setEndTimeUnixNano(1_700_000_000_500_000_000L + i)
                    .attributes().put("http.status_code", 200L + i);
        }
        return traces;
    }

    static Metrics metrics() {
        Metrics metrics = new Metrics();
        var resource = metrics.resourceMetrics().addNew();
        resource.resource().attributes().put("service.name", "otlp-receiver-test");
        ScopeMetrics scope = resource.scopeMetrics().addNew();
        Metric gauge = scope.metrics().addNew().setName("queue.size").setUnit("1");
        gauge.setEmptyGauge().dataPoints().addNew().setIntValue(42).setTimeUnixNano(7);
        Metric sum = scope.metrics().addNew().setName("requests").setDescription("served requests");
        sum.setEmptySum().setAggregationTemporality(AggregationTemporality.CUMULATIVE).setMonotonic(true)
                .dataPoints().addNew().setDoubleValue(1.5).setTimeUnixNano(8);
        sum.sum().dataPoints().addNew().setDoubleValue(2.5).setTimeUnixNano(9);
        return metrics;
    }

    static Logs logs() {
        Logs logs = new Logs();
        var resource = logs.resourceLogs().addNew();
        resource.resource().attributes().put("service.name", "otlp-receiver-test");
        ScopeLogs scope = resource.scopeLogs().addNew();
        scope.logRecords().addNew().setTimeUnixNano(7).setSeverityText("INFO").setBody(AnyValue.of("hello"));
        scope.logRecords().addNew().setTimeUnixNano(8).setSeverityText("WARN").setBody(AnyValue.of("again"));
        return logs;
    }

    /** A batch with a resource but no items: upstream answers it without calling the pipeline. */
    static Telemetry empty(Class<? extends Telemetry> type) {
        if (type == Traces.class) {
            Traces t = new Traces();
            t.resourceSpans().addNew().scopeSpans().addNew();
            return t;
        }
        if (type == Metrics.class) {
            Metrics m = new Metrics();
            m.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("no.points").setEmptyGauge();
            return m;
        }
        Logs l = new Logs();
        l.resourceLogs().addNew().scopeLogs().addNew();
        return l;
    }
}
