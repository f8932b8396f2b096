package io.otelier.exporter.nop.internal;

import io.otelier.api.config.ComponentConfig;

/** The nop exporter takes no settings (upstream's config is an empty struct): any key is an error. */
public record NopExporterConfig() implements ComponentConfig {
}
