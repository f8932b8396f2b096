package io.otelier.processor.batch.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import java.util.ArrayList;
import java.util.List;

/**
 * Trees with a known layout, and a flat view of them: one line per item naming its resource, scope (and
 * metric) and the item, so a test can check both order and grouping after splitting and merging.
 */
final class TestData {

    private TestData() {
    }

    /** {@code resources} resources with {@code scopes} scopes of {@code spans} spans each. */
    static Traces traces(String tag, int resources, int scopes, int spans) {
        Traces traces = new Traces();
        for (int r = 0; r < resources; r++) {
            ResourceSpans rs = traces.resourceSpans().addNew().setSchemaUrl("https://schema/" + r);
            rs.resource().attributes().put("service.name", tag + "-r" + r);
            for (int s = 0; s < scopes; s++) {
                ScopeSpans ss = rs.scopeSpans().addNew();
                ss.scope().setName("scope" + s).setVersion("1." + s);
                for (int i = 0; i < spans; i++) {
                    ss.spans().addNew().setName("span" + i);
                }
            }
        }
        return traces;
    }

    static Traces traces(int spans) {
        return traces("t", 1, 1, spans);
    }

    /** One resource and scope; {@code metrics} cumulative monotonic sums of {@code points} points each. */
    static Metrics metrics(String tag, int resources, int metrics, int points) {
        Metrics md = new Metrics();
        for (int r = 0; r < resources; r++) {
            ResourceMetrics rm = md.resourceMetrics().addNew();
            rm.resource().attributes().put("service.name", tag + "-r" + r);
            ScopeMetrics sm = rm.scopeMetrics().addNew();
            sm.scope().setName("meter");
            for (int m = 0; m < metrics; m++) {
                Metric metric = sm.metrics().addNew().setName("metric" + m).setUnit("By").setDescription("d" + m);
                metric.metadata().put("k", "v" + m);
                var sum = metric.setEmptySum().setAggregationTemporality(AggregationTemporality.CUMULATIVE)
                        .setIsMonotonic(true);
                for (int p = 0; p < points; p++) {
                    sum.dataPoints().addNew().setIntValue(p);
                }
            }
        }
        return md;
    }

    static Logs logs(String tag, int resources, int scopes, int records) {
        Logs logs = new Logs();
        for (int r = 0; r < resources; r++) {
            ResourceLogs rl = logs.resourceLogs().addNew();
            rl.resource().attributes().put("service.name", tag + "-r" + r);
            for (int s = 0; s < scopes; s++) {
                ScopeLogs sl = rl.scopeLogs().addNew();
                sl.scope().setName("scope" + s);
                for (int i = 0; i < records; i++) {
                    sl.logRecords().addNew().setBody(AnyValue.of("log" + i));
                }
            }
        }
        return logs;
    }

    static List<String> flat(Traces traces) {
        List<String> lines = new ArrayList<>();
        traces.resourceSpans().forEach(rs -> rs.scopeSpans().forEach(ss -> ss.spans().forEach(span -> lines.add(
                service(rs.resource().attributes().get("service.name")) + "|" + rs.schemaUrl() + "|"
                        + ss.scope().name() + "@" + ss.scope().version() + "|" + span.name()))));
        return lines;
    }

    static List<String> flat(Metrics metrics) {
        List<String> lines = new ArrayList<>();
        metrics.resourceMetrics().forEach(rm -> rm.scopeMetrics().forEach(sm -> sm.metrics().forEach(m ->
                m.sum().dataPoints().forEach(dp -> lines.add(service(rm.resource().attributes().get("service.name"))
                        + "|" + sm.scope().name() + "|" + m.name() + "/" + m.unit() + "/" + m.description() + "/"
                        + m.metadata().asMap() + "/" + m.sum().aggregationTemporality() + "/"
                        + m.sum().isMonotonic() + "|" + dp.intValue())))));
        return lines;
    }

    static List<String> flat(Logs logs) {
        List<String> lines = new ArrayList<>();
        logs.resourceLogs().forEach(rl -> rl.scopeLogs().forEach(sl -> sl.logRecords().forEach(lr -> lines.add(
                service(rl.resource().attributes().get("service.name")) + "|" + sl.scope().name() + "|"
                        + lr.body().asString()))));
        return lines;
    }

    private static String service(java.util.Optional<AnyValue> value) {
        return value.map(AnyValue::asString).orElse("?");
    }
}
