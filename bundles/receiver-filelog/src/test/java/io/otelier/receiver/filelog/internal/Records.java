package io.otelier.receiver.filelog.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.testkit.SinkConsumer;
import java.util.ArrayList;
import java.util.List;

/** The log records a sink received, flattened, with their scope names. */
final class Records {

    private Records() {
    }

    static List<LogRecord> of(SinkConsumer<Logs> sink) {
        List<LogRecord> out = new ArrayList<>();
        for (Logs logs : sink.received()) {
            for (ResourceLogs rl : logs.resourceLogs()) {
                for (ScopeLogs sl : rl.scopeLogs()) {
                    sl.logRecords().forEach(out::add);
                }
            }
        }
        return out;
    }

    static List<String> scopeNames(SinkConsumer<Logs> sink) {
        List<String> out = new ArrayList<>();
        for (Logs logs : sink.received()) {
            for (ResourceLogs rl : logs.resourceLogs()) {
                for (ScopeLogs sl : rl.scopeLogs()) {
                    out.add(sl.scope().name());
                }
            }
        }
        return out;
    }
}
