package io.otelier.helper.grpc;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.trace.ScopeSpans;

/** Small batches of each signal. */
final class TestData {

    private TestData() {
    }

    /** {@code count} spans under one resource; each span name carries {@code padding} extra characters. */
    static Traces traces(int count, int padding) {
        Traces traces = new Traces();
        var resource = traces.resourceSpans().addNew();
        resource.resource().attributes().put("service.name", "grpc-test");
        ScopeSpans scope = resource.scopeSpans().addNew();
        String pad = "x".repeat(padding);
        for (int i = 0; i < count; i++) {
            scope.spans().addNew()
                    .setTraceId(TraceId.fromLongs(1, i + 1))
                    .setSpanId(SpanId.fromLong(i + 1))
                    .setName("span-" + i + pad)
                    .setStartTimeUnixNano(1_000_000L * i)
                    .setEndTimeUnixNano(1_000_000L * i + 500);
        }
        return traces;
    }

    static Traces traces(int count) {
        return traces(count, 0);
    }

    static Metrics metrics() {
        Metrics metrics = new Metrics();
        var resource = metrics.resourceMetrics().addNew();
        resource.resource().attributes().put("service.name", "grpc-test");
        ScopeMetrics scope = resource.scopeMetrics().addNew();
        Metric metric = scope.metrics().addNew().setName("requests").setUnit("1");
        metric.setEmptyGauge().dataPoints().addNew().setIntValue(42);
        metric.gauge().dataPoints().addNew().setDoubleValue(1.5);
        return metrics;
    }

    static Logs logs() {
        Logs logs = new Logs();
        var resource = logs.resourceLogs().addNew();
        resource.resource().attributes().put("service.name", "grpc-test");
        ScopeLogs scope = resource.scopeLogs().addNew();
        LogRecord record = scope.logRecords().addNew().setTimeUnixNano(7).setSeverityText("INFO");
        record.setBody(AnyValue.of("hello over grpc"));
        return logs;
    }
}
