package io.otelier.runtime.internal.graph;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.telemetry.Logger;
import io.otelier.api.telemetry.Meter;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.runtime.internal.config.FactoryLookup;
import io.otelier.runtime.internal.telemetry.ObsMetrics;

/** What the graph needs from the collector around it. */
public record GraphSettings(FactoryLookup factories, Logger logger, Meter meter, MetricsLevel metricsLevel, ObsMetrics obs,
        BuildInfo buildInfo) {
}
