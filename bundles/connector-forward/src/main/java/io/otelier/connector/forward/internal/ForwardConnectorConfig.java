package io.otelier.connector.forward.internal;

import io.otelier.api.config.ComponentConfig;

/** The forward connector takes no settings (upstream's config is an empty struct): any key is an error. */
public record ForwardConnectorConfig() implements ComponentConfig {
}
