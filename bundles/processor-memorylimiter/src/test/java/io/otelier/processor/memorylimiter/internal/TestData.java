package io.otelier.processor.memorylimiter.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.metrics.Gauge;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.logs.ScopeLogs;

/** Small trees with a known number of items. */
final class TestData {

    private TestData() {
    }

    static Traces traces(int spans) {
        Traces traces = new Traces();
        ScopeSpans scope = traces.resourceSpans().addNew().scopeSpans().addNew();
        for (int i = 0; i < spans; i++) {
            scope.spans().addNew().setName("span-" + i);
        }
        return traces;
    }

    static Metrics metrics(int points) {
        Metrics metrics = new Metrics();
        Gauge gauge = metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("m")
                .setEmptyGauge();
        for (int i = 0; i < points; i++) {
            gauge.dataPoints().addNew().setIntValue(i);
        }
        return metrics;
    }

    static Logs logs(int records) {
        Logs logs = new Logs();
        ScopeLogs scope = logs.resourceLogs().addNew().scopeLogs().addNew();
        for (int i = 0; i < records; i++) {
            scope.logRecords().addNew().setBody(AnyValue.of("log-" + i));
        }
        return logs;
    }
}
