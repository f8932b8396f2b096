package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentId;
import io.otelier.api.config.ComponentConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded config: each component section's ids (as written, deprecated type aliases included) with their
 * bound and validated configs, in config order, and the service section.
 */
public record CollectorConfig(Map<ComponentId, ComponentConfig> receivers, Map<ComponentId, ComponentConfig> processors,
        Map<ComponentId, ComponentConfig> exporters, Map<ComponentId, ComponentConfig> connectors,
        Map<ComponentId, ComponentConfig> extensions, ServiceConfig service) {

    public CollectorConfig {
        receivers = frozen(receivers);
        processors = frozen(processors);
        exporters = frozen(exporters);
        connectors = frozen(connectors);
        extensions = frozen(extensions);
    }

    private static Map<ComponentId, ComponentConfig> frozen(Map<ComponentId, ComponentConfig> section) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(section));
    }
}
