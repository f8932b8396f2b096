package io.otelier.runtime.internal.config;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.config.ComponentConfig;

/**
 * Stands in for the config of a component whose factory is not registered right now (hot swap: its bundle is
 * not installed yet, or is being updated). Only a reload accepts it: pipelines using such a component wait,
 * and the section is bound for real once the factory appears. At startup an unknown type stays an error.
 *
 * @param kind the component's kind
 * @param type the type name as written in the config
 */
public record PendingConfig(ComponentKind kind, String type) implements ComponentConfig {
}
