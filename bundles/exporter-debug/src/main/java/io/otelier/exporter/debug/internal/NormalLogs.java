package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;

/**
 * Normal verbosity for logs: one line per record, body then attributes (upstream internal/normal/logs.go). As
 * upstream, the separating space is there even without attributes, and a multi-line body spans lines.
 */
final class NormalLogs {

    private NormalLogs() {
    }

    static String marshal(Logs logs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < logs.resourceLogs().size(); i++) {
            ResourceLogs resourceLogs = logs.resourceLogs().get(i);
            NormalText.appendResourceLine(out, "ResourceLog", i, resourceLogs.schemaUrl(),
                    resourceLogs.resource().attributes());
            for (int j = 0; j < resourceLogs.scopeLogs().size(); j++) {
                ScopeLogs scopeLogs = resourceLogs.scopeLogs().get(j);
                NormalText.appendScopeLine(out, "ScopeLog", j, scopeLogs.scope(), scopeLogs.schemaUrl());
                for (LogRecord record : scopeLogs.logRecords()) {
                    out.append(record.body().asString()).append(' ');
                    NormalText.appendAttributes(out, record.attributes(), " ");
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
