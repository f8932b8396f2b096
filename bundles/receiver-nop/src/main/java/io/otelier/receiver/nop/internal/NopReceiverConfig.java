package io.otelier.receiver.nop.internal;

import io.otelier.api.config.ComponentConfig;

/** The nop receiver takes no settings (upstream's config is an empty struct): any key is an error. */
public record NopReceiverConfig() implements ComponentConfig {
}
