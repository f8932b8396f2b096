package io.otelier.runtime.internal.graph;

import io.otelier.api.telemetry.ObsReport;
import io.otelier.runtime.internal.telemetry.ObsMetrics;

/** The shared counters of one exporter instance, bound to its signal and id once. */
final class InstanceObsReport implements ObsReport {

    private final ObsMetrics.ExporterCounters counters;
    private final ObsMetrics obs;
    private final String signal;
    private final String exporterId;

    InstanceObsReport(ObsMetrics obs, String signal, String exporterId) {
        this.obs = obs;
        this.signal = signal;
        this.exporterId = exporterId;
        this.counters = obs.exporter(signal, exporterId);
    }

    @Override
    public void exporterSent(long items) {
        counters.sent(items);
    }

    @Override
    public void exporterSendFailed(long items) {
        counters.sendFailed(items);
    }

    @Override
    public void exporterEnqueueFailed(long items) {
        obs.exporterEnqueueFailed(signal, exporterId, items);
    }
}
