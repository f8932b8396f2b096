package io.otelier.api.consumer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What travels with a request besides the data: upstream's {@code client.Info}. Metadata keys are
 * case-insensitive (stored lower-case) and only filled when a receiver has {@code include_metadata} on.
 * Immutable; the {@code with*} methods return copies.
 */
public final class RequestContext {

    public static final RequestContext EMPTY = new RequestContext(null, null, Map.of(), Map.of());

    private final String transport;
    private final String peerAddress;
    private final Map<String, List<String>> metadata;
    private final Map<String, Object> auth;

    private RequestContext(String transport, String peerAddress, Map<String, List<String>> metadata,
            Map<String, Object> auth) {
        this.transport = transport;
        this.peerAddress = peerAddress;
        this.metadata = metadata;
        this.auth = auth;
    }

    /**
     * How the data arrived ("grpc", "http", …), set by the receiver; it labels the receiver's internal
     * telemetry (upstream's {@code transport} label).
     */
    public Optional<String> transport() {
        return Optional.ofNullable(transport);
    }

    /** The client's address ("host:port"), when the transport knows it. */
    public Optional<String> peerAddress() {
        return Optional.ofNullable(peerAddress);
    }

    /** All metadata (e.g. HTTP headers, gRPC metadata), keys lower-case. */
    public Map<String, List<String>> metadata() {
        return metadata;
    }

    /** The values of one metadata key, case-insensitively; empty when absent. */
    public List<String> metadata(String key) {
        return metadata.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    /** Attributes an authenticator attached (subject, tenant, …). */
    public Map<String, Object> auth() {
        return auth;
    }

    public RequestContext withTransport(String name) {
        return new RequestContext(name, peerAddress, metadata, auth);
    }

    public RequestContext withPeerAddress(String address) {
        return new RequestContext(transport, address, metadata, auth);
    }

    public RequestContext withMetadata(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return new RequestContext(transport, peerAddress, Collections.unmodifiableMap(copy), auth);
    }

    public RequestContext withAuth(Map<String, Object> attributes) {
        return new RequestContext(transport, peerAddress, metadata, Map.copyOf(attributes));
    }

    @Override
    public String toString() {
        return "RequestContext{transport=" + transport + ", peer=" + peerAddress + ", metadata=" + metadata.keySet() + ", auth=" + auth.keySet() + "}";
    }
}
