package io.otelier.testkit;

import io.otelier.api.telemetry.ObsReport;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps the shared exporter counters an exporter reports, for assertions (see {@link TestSettings#reportingTo}). */
public final class RecordingObsReport implements ObsReport {

    public final AtomicLong sent = new AtomicLong();
    public final AtomicLong sendFailed = new AtomicLong();
    public final AtomicLong enqueueFailed = new AtomicLong();

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
