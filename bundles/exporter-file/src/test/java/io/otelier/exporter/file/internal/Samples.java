package io.otelier.exporter.file.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.trace.Span;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Small batches of each signal, and a clock tests can move. */
final class Samples {

    private Samples() {
    }

    static Traces traces(String service) {
        Traces traces = new Traces();
        var rs = traces.resourceSpans().addNew();
        rs.resource().attributes().put("service.name", service);
        Span span = rs.scopeSpans().addNew().spans().addNew().setName("GET /cart")
                .setTraceId(TraceId.fromHex("0102030405060708090a0b0c0d0e0f10"))
                .setSpanId(SpanId.fromHex("0102030405060708")).setStartTimeUnixNano(1_700_000_000_000_000_000L)
                .setEndTimeUnixNano(1_700_000_000_500_000_000L);
        span.attributes().put("http.status_code", 200L);
        return traces;
    }

    static Metrics metrics(String service) {
        Metrics metrics = new Metrics();
        var rm = metrics.resourceMetrics().addNew();
        rm.resource().attributes().put("service.name", service);
        Metric metric = rm.scopeMetrics().addNew().metrics().addNew().setName("requests").setUnit("1");
        metric.setEmptyGauge().dataPoints().addNew().setTimeUnixNano(1_700_000_000_000_000_000L).setIntValue(42)
                .attributes().put("route", "/a");
        return metrics;
    }

    static Logs logs(String body) {
        Logs logs = new Logs();
        ResourceLogs rl = logs.resourceLogs().addNew();
        rl.resource().attributes().put("service.name", "log-svc");
        LogRecord record = rl.scopeLogs().addNew().logRecords().addNew().setBody(AnyValue.of(body))
                .setSeverityNumber(SeverityNumber.INFO).setSeverityText("INFO")
                .setTimeUnixNano(1_700_000_000_000_000_000L);
        record.attributes().put("log.file.name", "cndt-1.json");
        return logs;
    }

    /** Logs with one resource per (attribute value) given; a null value leaves the attribute out. */
    static Logs logsBy(String attribute, String... values) {
        Logs logs = new Logs();
        for (String value : values) {
            ResourceLogs rl = logs.resourceLogs().addNew();
            if (value != null) {
                rl.resource().attributes().put(attribute, value);
            }
            rl.scopeLogs().addNew().logRecords().addNew().setBody(AnyValue.of("from " + value));
        }
        return logs;
    }

    /** A clock that stays put until told to move. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
