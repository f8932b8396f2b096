package io.otelier.testkit;

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

/**
 * Small batches of each signal with the usual fields set, equal whenever built with the same arguments, so a test
 * can compare what arrived with a fresh copy of what it sent.
 */
public final class TestTelemetry {

    private static final String SERVICE = "otelier-test";

    private TestTelemetry() {
    }

    /** {@code count} spans under one resource and scope. */
    public static Traces traces(int count) {
        Traces traces = new Traces();
        var resource = traces.resourceSpans().addNew();
        resource.resource().attributes().put("service.name", SERVICE);
        ScopeSpans scope = resource.scopeSpans().addNew();
        scope.scope().setName(SERVICE);
        for (int i = 0; i < count; i++) {
            scope.spans().addNew()
                    .setTraceId(TraceId.fromLongs(7, i + 1))
                    .setSpanId(SpanId.fromLong(i + 1))
                    .setName("span-" + i)
                    .setStartTimeUnixNano(1_000_000L * i)
                    .setEndTimeUnixNano(1_000_000L * i + 500)
                    .attributes().put("index", (long) i);
        }
        return traces;
    }

    /** Three data points: two of a gauge (an int and a double) and one of a sum. */
    public static Metrics metrics() {
        Metrics metrics = new Metrics();
        var resource = metrics.resourceMetrics().addNew();
        resource.resource().attributes().put("service.name", SERVICE);
        ScopeMetrics scope = resource.scopeMetrics().addNew();
        Metric gauge = scope.metrics().addNew().setName("queue.depth").setUnit("1");
        gauge.setEmptyGauge().dataPoints().addNew().setIntValue(42).setTimeUnixNano(5);
        gauge.gauge().dataPoints().addNew().setDoubleValue(1.5).setTimeUnixNano(6);
        Metric sum = scope.metrics().addNew().setName("requests").setUnit("{request}");
        sum.setEmptySum().dataPoints().addNew().setIntValue(9).setTimeUnixNano(7);
        return metrics;
    }

    /** Two log records with string bodies. */
    public static Logs logs() {
        Logs logs = new Logs();
        var resource = logs.resourceLogs().addNew();
        resource.resource().attributes().put("service.name", SERVICE);
        ScopeLogs scope = resource.scopeLogs().addNew();
        LogRecord first = scope.logRecords().addNew().setTimeUnixNano(7).setSeverityText("INFO");
        first.setBody(AnyValue.of("first line"));
        LogRecord second = scope.logRecords().addNew().setTimeUnixNano(8).setSeverityText("WARN");
        second.setBody(AnyValue.of("second line"));
        return logs;
    }
}
