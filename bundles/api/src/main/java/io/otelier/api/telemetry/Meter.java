package io.otelier.api.telemetry;

import java.util.function.LongSupplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates internal telemetry instruments. Names follow upstream's (e.g. "otelcol_exporter_queue_size");
 * the runtime exposes them on the Prometheus endpoint of service.telemetry.metrics.
 */
@ProviderType
public interface Meter {

    LongCounter counter(String name, String description, String unit);

    /** A gauge read on every scrape; {@code labels} are fixed key/value pairs. Returns a handle to remove it. */
    AutoCloseable gauge(String name, String description, String unit, LongSupplier value, String... labels);
}
