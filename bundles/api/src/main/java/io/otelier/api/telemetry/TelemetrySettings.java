package io.otelier.api.telemetry;

/** A component's view of the collector's own telemetry. */
public record TelemetrySettings(Logger logger, Meter meter, MetricsLevel metricsLevel) {
}
