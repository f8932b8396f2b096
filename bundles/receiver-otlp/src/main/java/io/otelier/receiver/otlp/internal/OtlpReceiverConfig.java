package io.otelier.receiver.otlp.internal;

import io.otelier.api.config.ComponentConfig;

/**
 * Upstream otlpreceiver's {@code Config}: only {@code protocols}, each of which is off until written. A bare
 * {@code grpc:} or {@code http:} turns it on with the defaults of {@link Protocols#grpcDefaults()} and
 * {@link Protocols#httpDefaults()}. Validation lives in {@link Protocols}, where upstream has it, so the error
 * names {@code protocols}.
 */
public record OtlpReceiverConfig(Protocols protocols) implements ComponentConfig {

    public OtlpReceiverConfig {
        protocols = protocols == null ? Protocols.none() : protocols;
    }

    /** Upstream's {@code createDefaultConfig()}: neither protocol is on until the user writes it. */
    public static OtlpReceiverConfig defaults() {
        return new OtlpReceiverConfig(Protocols.none());
    }
}
