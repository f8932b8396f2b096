package io.otelier.helper.exporter;

import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An exporter with the helper's chain in front of its {@link Sender}. {@code start} starts the sender, then
 * the queue's consumers; {@code shutdown} drains the queue (or hands it over, see {@link QueueHandoff}), then
 * shuts the sender down. It reports sent, send-failed and enqueue-failed items itself through the
 * {@code ObsReport} of its create settings, counted after retries, as upstream's exporterhelper does.
 */
@ProviderType
public interface HelpedExporter<T extends Telemetry> extends Exporter<T> {

    /** The queue's current size in its sizer's unit, requests being sent included; 0 without a queue. */
    long queueSize();

    /** The queue's capacity ({@code queue_size}); 0 without a queue. */
    long queueCapacity();
}
