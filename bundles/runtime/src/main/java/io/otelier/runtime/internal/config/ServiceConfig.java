package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code service} section: extensions to start, pipelines in config order, own telemetry. */
public record ServiceConfig(List<ComponentId> extensions, Map<PipelineId, PipelineConfig> pipelines,
        TelemetryConfig telemetry) {

    public ServiceConfig {
        extensions = List.copyOf(extensions);
        pipelines = Collections.unmodifiableMap(new LinkedHashMap<>(pipelines));
    }
}
