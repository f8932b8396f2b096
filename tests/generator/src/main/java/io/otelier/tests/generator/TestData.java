package io.otelier.tests.generator;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import java.util.concurrent.ThreadLocalRandom;

/** One resource, one scope, {@code n} items: spans, data points of one sum, or log records. */
final class TestData {

    private TestData() {
    }

    static Traces traces(int n) {
        Traces t = new Traces();
        var rs = t.resourceSpans().addNew();
        rs.resource().attributes().put("service.name", "generator");
        ScopeSpans ss = rs.scopeSpans().addNew();
        ss.scope().setName("io.otelier.tests.generator");
        long now = System.currentTimeMillis() * 1_000_000L;
        byte[] trace = new byte[16];
        ThreadLocalRandom.current().nextBytes(trace);
        for (int i = 0; i < n; i++) {
            byte[] span = new byte[8];
            ThreadLocalRandom.current().nextBytes(span);
            Span s = ss.spans().addNew();
            s.setTraceId(TraceId.fromBytes(trace)).setSpanId(SpanId.fromBytes(span)).setName("op-" + i)
                    .setKind(SpanKind.SERVER).setStartTimeUnixNano(now).setEndTimeUnixNano(now + 1_000_000L);
            s.attributes().put("index", (long) i);
        }
        return t;
    }

    static Metrics metrics(int n) {
        Metrics m = new Metrics();
        var rm = m.resourceMetrics().addNew();
        rm.resource().attributes().put("service.name", "generator");
        ScopeMetrics sm = rm.scopeMetrics().addNew();
        sm.scope().setName("io.otelier.tests.generator");
        Metric metric = sm.metrics().addNew().setName("generated.count").setUnit("1");
        Sum sum = metric.setEmptySum();
        sum.setAggregationTemporality(AggregationTemporality.CUMULATIVE).setMonotonic(true);
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < n; i++) {
            var dp = sum.dataPoints().addNew().setTimeUnixNano(now).setIntValue(i);
            dp.attributes().put("index", (long) i);
        }
        return m;
    }

    static Logs logs(int n) {
        Logs l = new Logs();
        var rl = l.resourceLogs().addNew();
        rl.resource().attributes().put("service.name", "generator");
        ScopeLogs sl = rl.scopeLogs().addNew();
        sl.scope().setName("io.otelier.tests.generator");
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int i = 0; i < n; i++) {
            LogRecord r = sl.logRecords().addNew();
            r.setTimeUnixNano(now).setSeverityNumber(SeverityNumber.INFO).setSeverityText("INFO")
                    .setBody(AnyValue.of("line " + i));
        }
        return l;
    }
}
