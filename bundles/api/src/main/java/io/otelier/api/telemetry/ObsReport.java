package io.otelier.api.telemetry;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shared item counters of one component instance (upstream's obsreport), already labelled with the
 * component's id and signal. The runtime counts receivers and exporters at their boundaries itself; an
 * exporter whose sends happen after {@code consume} returns (a sending queue) reports its sends here
 * instead and says so through {@link io.otelier.api.exporter.Exporter#reportsSends()}.
 */
@ProviderType
public interface ObsReport {

    /** Counts nothing; for tests and tools. */
    ObsReport NOOP = new ObsReport() {
        @Override
        public void exporterSent(long items) {
        }

        @Override
        public void exporterSendFailed(long items) {
        }

        @Override
        public void exporterEnqueueFailed(long items) {
        }
    };

    /** Items the destination accepted ({@code otelcol_exporter_sent_*}). */
    void exporterSent(long items);

    /** Items given up on after retries, or refused permanently ({@code otelcol_exporter_send_failed_*}). */
    void exporterSendFailed(long items);

    /** Items refused because the sending queue was full ({@code otelcol_exporter_enqueue_failed_*}). */
    void exporterEnqueueFailed(long items);
}
