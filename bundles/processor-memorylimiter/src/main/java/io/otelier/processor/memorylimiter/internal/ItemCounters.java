package io.otelier.processor.memorylimiter.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.telemetry.LongCounter;
import io.otelier.api.telemetry.Meter;
import io.otelier.api.telemetry.MetricsLevel;

/**
 * Upstream's {@code otelcol_processor_memory_limiter_accepted_*} / {@code _refused_*} counters (names since
 * v0.155), labelled {@code processor=<id>}.
 */
final class ItemCounters {

    private static final LongCounter NONE = (value, labels) -> { };

    private final LongCounter accepted;
    private final LongCounter refused;
    private final String[] labels;

    private ItemCounters(LongCounter accepted, LongCounter refused, ComponentId id) {
        this.accepted = accepted;
        this.refused = refused;
        this.labels = new String[] {"processor", id.toString()};
    }

    static ItemCounters create(Meter meter, MetricsLevel level, ComponentId id, Signal signal) {
        if (level == MetricsLevel.NONE) {
            return new ItemCounters(NONE, NONE, id);
        }
        Item item = switch (signal) {
            case TRACES -> new Item("spans", "spans", "{span}");
            case METRICS -> new Item("metric_points", "metric points", "{datapoint}");
            case LOGS -> new Item("log_records", "log records", "{record}");
        };
        return new ItemCounters(
                meter.counter("otelcol_processor_memory_limiter_accepted_" + item.suffix(), "Number of "
                        + item.described() + " successfully pushed into the next component in the pipeline.",
                        item.unit()),
                meter.counter("otelcol_processor_memory_limiter_refused_" + item.suffix(), "Number of "
                        + item.described() + " that were rejected by the next component in the pipeline.",
                        item.unit()),
                id);
    }

    /** How upstream names one signal's items in metric names, descriptions and units. */
    private record Item(String suffix, String described, String unit) {
    }

    void accepted(int items) {
        accepted.add(items, labels);
    }

    void refused(int items) {
        refused.add(items, labels);
    }
}
