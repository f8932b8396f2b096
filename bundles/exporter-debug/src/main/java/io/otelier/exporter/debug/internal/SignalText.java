package io.otelier.exporter.debug.internal;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.util.function.Function;

/**
 * What the exporter prints for one signal. The summary is upstream's log entry (message plus fields) in the
 * pinned console form, {@code Traces {"resource spans": 1, "spans": 200}}: zap's console encoder separates
 * message and fields with a tab, Otelier with one space (ARCHITECTURE.md, "Pinned conventions").
 */
final class SignalText<T extends Telemetry> {

    static final SignalText<Traces> TRACES = new SignalText<>("Traces",
            t -> "{\"resource spans\": " + t.resourceSpans().size() + ", \"spans\": " + t.spanCount() + "}",
            NormalTraces::marshal, DetailedTraces::marshal);

    static final SignalText<Metrics> METRICS = new SignalText<>("Metrics",
            m -> "{\"resource metrics\": " + m.resourceMetrics().size() + ", \"metrics\": " + m.metricCount()
                    + ", \"data points\": " + m.dataPointCount() + "}",
            NormalMetrics::marshal, DetailedMetrics::marshal);

    static final SignalText<Logs> LOGS = new SignalText<>("Logs",
            l -> "{\"resource logs\": " + l.resourceLogs().size() + ", \"log records\": " + l.logRecordCount() + "}",
            NormalLogs::marshal, DetailedLogs::marshal);

    private final String message;
    private final Function<T, String> fields;
    private final Function<T, String> normal;
    private final Function<T, String> detailed;

    private SignalText(String message, Function<T, String> fields, Function<T, String> normal,
            Function<T, String> detailed) {
        this.message = message;
        this.fields = fields;
        this.normal = normal;
        this.detailed = detailed;
    }

    /** The summary's message alone ("Traces"): what sampling counts summaries by, as zap does. */
    String message() {
        return message;
    }

    String summary(T data) {
        return message + " " + fields.apply(data);
    }

    /** The text printed after the summary at this verbosity; empty at basic. */
    String details(T data, Verbosity verbosity) {
        return switch (verbosity) {
            case BASIC -> "";
            case NORMAL -> normal.apply(data);
            case DETAILED -> detailed.apply(data);
        };
    }
}
