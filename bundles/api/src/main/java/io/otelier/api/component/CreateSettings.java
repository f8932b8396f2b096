package io.otelier.api.component;

import io.otelier.api.telemetry.TelemetrySettings;

/** What a factory receives besides the config when it creates an instance. */
public record CreateSettings(ComponentId id, ComponentKind kind, TelemetrySettings telemetry, BuildInfo buildInfo,
        StatusReporter status) {
}
