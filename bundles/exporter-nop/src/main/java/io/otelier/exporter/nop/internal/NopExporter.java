package io.otelier.exporter.nop.internal;

import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;

/**
 * Accepts every batch and drops it. It neither reads nor changes the data, so it is safe to hand it shared,
 * read-only trees. Stateless: one instance serves every signal, like upstream's single {@code nopInstance}.
 */
final class NopExporter<T extends Telemetry> implements Exporter<T> {

    @Override
    public void consume(RequestContext context, T data) {
        // Dropping is the whole job.
    }

    @Override
    public boolean mayBlock() {
        return false;
    }
}
