package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentId;
import java.util.List;

/** One pipeline's components in config order. Receivers and exporters may name connectors. */
public record PipelineConfig(List<ComponentId> receivers, List<ComponentId> processors, List<ComponentId> exporters) {

    public PipelineConfig {
        receivers = List.copyOf(receivers);
        processors = List.copyOf(processors);
        exporters = List.copyOf(exporters);
    }
}
