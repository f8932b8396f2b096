package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;

/** Detailed verbosity for logs: every field of every record (upstream internal/otlptext/logs.go). */
final class DetailedLogs {

    private DetailedLogs() {
    }

    static String marshal(Logs logs) {
        DetailBuffer buf = new DetailBuffer();
        for (int i = 0; i < logs.resourceLogs().size(); i++) {
            ResourceLogs resourceLogs = logs.resourceLogs().get(i);
            buf.line("ResourceLog #" + i)
                    .line("Resource SchemaURL: " + resourceLogs.schemaUrl())
                    .attributes("Resource attributes", resourceLogs.resource().attributes());
            for (int j = 0; j < resourceLogs.scopeLogs().size(); j++) {
                ScopeLogs scopeLogs = resourceLogs.scopeLogs().get(j);
                buf.line("ScopeLogs #" + j)
                        .line("ScopeLogs SchemaURL: " + scopeLogs.schemaUrl())
                        .scope(scopeLogs.scope());
                for (int k = 0; k < scopeLogs.logRecords().size(); k++) {
                    appendRecord(buf, k, scopeLogs.logRecords().get(k));
                }
            }
        }
        return buf.toString();
    }

    private static void appendRecord(DetailBuffer buf, int index, LogRecord record) {
        buf.line("LogRecord #" + index)
                .line("ObservedTimestamp: " + GoFormat.timestamp(record.observedTimeUnixNano()))
                .line("Timestamp: " + GoFormat.timestamp(record.timeUnixNano()))
                .line("SeverityText: " + record.severityText())
                .line("SeverityNumber: " + GoFormat.enumName(record.severityNumber())
                        + "(" + record.severityNumber().number() + ")");
        if (!record.eventName().isEmpty()) {
            buf.line("EventName: " + record.eventName());
        }
        buf.line("Body: " + ValueText.typed(record.body()))
                .attributes("Attributes", record.attributes())
                .line("Trace ID: " + ValueText.id(record.traceId()))
                .line("Span ID: " + ValueText.id(record.spanId()))
                .line("Flags: " + Integer.toUnsignedString(record.flags()));
    }
}
