package io.otelier.processor.batch.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.telemetry.LongCounter;
import io.otelier.api.telemetry.Meter;
import io.otelier.api.telemetry.MetricsLevel;
import java.util.function.IntSupplier;

/**
 * Upstream's batch processor metrics that a counter or gauge can express, labelled {@code processor=<id>}.
 * Upstream records them from the {@code normal} metrics level on. The histograms
 * {@code otelcol_processor_batch_batch_send_size} and {@code _batch_send_size_bytes} are not reported: the
 * Meter API has no histogram instrument.
 */
final class BatchTelemetry implements AutoCloseable {

    static final String SIZE_TRIGGER = "otelcol_processor_batch_batch_size_trigger_send";
    static final String TIMEOUT_TRIGGER = "otelcol_processor_batch_timeout_trigger_send";
    static final String METADATA_CARDINALITY = "otelcol_processor_batch_metadata_cardinality";

    private final LongCounter sizeTrigger;
    private final LongCounter timeoutTrigger;
    private final AutoCloseable cardinality;
    private final String[] labels;

    private BatchTelemetry(LongCounter sizeTrigger, LongCounter timeoutTrigger, AutoCloseable cardinality,
            String[] labels) {
        this.sizeTrigger = sizeTrigger;
        this.timeoutTrigger = timeoutTrigger;
        this.cardinality = cardinality;
        this.labels = labels;
    }

    static BatchTelemetry create(Meter meter, MetricsLevel level, ComponentId id, IntSupplier shards) {
        String[] labels = {"processor", id.toString()};
        if (level.compareTo(MetricsLevel.NORMAL) < 0) {
            LongCounter none = (value, ignored) -> { };
            return new BatchTelemetry(none, none, () -> { }, labels);
        }
        return new BatchTelemetry(
                meter.counter(SIZE_TRIGGER, "Number of times the batch was sent due to a size trigger", "{time}"),
                meter.counter(TIMEOUT_TRIGGER, "Number of times the batch was sent due to a timeout trigger",
                        "{time}"),
                meter.gauge(METADATA_CARDINALITY, "Number of distinct metadata value combinations being processed",
                        "{combination}", shards::getAsInt, labels),
                labels);
    }

    /** Counts one batch that the next consumer accepted. */
    void sent(Shard.Trigger trigger) {
        (trigger == Shard.Trigger.SIZE ? sizeTrigger : timeoutTrigger).add(1, labels);
    }

    @Override
    public void close() throws Exception {
        cardinality.close();
    }
}
