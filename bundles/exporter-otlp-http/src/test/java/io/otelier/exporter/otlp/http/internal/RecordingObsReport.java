package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.telemetry.ObsReport;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the exporter reports, for assertions. */
final class RecordingObsReport implements ObsReport {

    final AtomicLong sent = new AtomicLong();
    final AtomicLong sendFailed = new AtomicLong();
    final AtomicLong enqueueFailed = new AtomicLong();

    @Override
    public void exporterSent(long items) {
        sent.addAndGet(items);
    }

    @Override
    public void exporterSendFailed(long items) {
        sendFailed.addAndGet(items);
    }

    @Override
    public void exporterEnqueueFailed(long items) {
        enqueueFailed.addAndGet(items);
    }
}
