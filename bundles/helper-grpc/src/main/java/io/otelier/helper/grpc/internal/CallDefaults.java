package io.otelier.helper.grpc.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What upstream sets as default call options and header interceptors on every client connection:
 * {@code wait_for_ready}, the compressor, and the configured headers, which a call's own metadata overrides
 * (upstream's {@code addHeadersIfAbsent}).
 */
public final class CallDefaults implements ClientInterceptor {

    private final boolean waitForReady;
    private final String compression;
    private final Map<String, String> headers;

    /** @param compression a registered compressor name, or null for none */
    public CallDefaults(boolean waitForReady, String compression, Map<String, String> headers) {
        this.waitForReady = waitForReady;
        this.compression = compression;
        this.headers = Map.copyOf(headers);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        CallOptions effective = options;
        if (waitForReady && !options.isWaitForReady()) {
            effective = effective.withWaitForReady();
        }
        if (compression != null && options.getCompressor() == null) {
            effective = effective.withCompression(compression);
        }
        ClientCall<Q, R> call = next.newCall(method, effective);
        if (headers.isEmpty()) {
            return call;
        }
        return new SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<R> listener, Metadata metadata) {
                headers.forEach((name, value) -> putIfAbsent(metadata, name, value));
                super.start(listener, metadata);
            }
        };
    }

    public static void putIfAbsent(Metadata metadata, String name, String value) {
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
            Metadata.Key<byte[]> key = Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
            if (!metadata.containsKey(key)) {
                metadata.put(key, value.getBytes(StandardCharsets.ISO_8859_1));
            }
        } else {
            Metadata.Key<String> key = Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
            if (!metadata.containsKey(key)) {
                metadata.put(key, value);
            }
        }
    }

    /** Whether grpc accepts {@code name} as a metadata key (after lower-casing, as grpc does). */
    public static boolean isValidHeaderName(String name) {
        try {
            if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
            } else {
                Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
            }
            return !name.startsWith(":") && !name.isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
