package io.otelier.api.telemetry;

/**
 * A component's view of the collector's own telemetry: its logger (labelled with its id), the meter for
 * its own instruments, the configured metrics level, and the shared item counters.
 */
public record TelemetrySettings(Logger logger, Meter meter, MetricsLevel metricsLevel, ObsReport obsReport) {

    /** Without shared counters (tests, components that never report sends themselves). */
    public TelemetrySettings(Logger logger, Meter meter, MetricsLevel metricsLevel) {
        this(logger, meter, metricsLevel, ObsReport.NOOP);
    }
}
