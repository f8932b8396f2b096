package io.otelier.helper.grpc.internal;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.otelier.api.consumer.RequestContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream configgrpc's {@code enhanceWithClientInformation}: every call runs with a {@link RequestContext}
 * in its grpc {@link Context} holding transport {@code grpc}, the peer's address and — with
 * {@code include_metadata} — the request metadata as grpc-go exposes it.
 */
public final class ClientInfoInterceptor implements ServerInterceptor {

    public static final Context.Key<RequestContext> REQUEST_CONTEXT = Context.key("otelier.requestContext");
    public static final String TRANSPORT = "grpc";

    /** Headers grpc-go keeps out of the metadata it hands to handlers (its {@code isReservedHeader}). */
    private static final Set<String> RESERVED = Set.of("content-type", "grpc-message-type", "grpc-encoding",
            "grpc-message", "grpc-status", "grpc-timeout", "te");

    private final boolean includeMetadata;

    public ClientInfoInterceptor(boolean includeMetadata) {
        this.includeMetadata = includeMetadata;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        RequestContext context = RequestContext.EMPTY.withTransport(TRANSPORT);
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (peer != null) {
            context = context.withPeerAddress(address(peer));
        }
        if (includeMetadata) {
            context = context.withMetadata(metadata(headers, call.getAuthority()));
        }
        return Contexts.interceptCall(Context.current().withValue(REQUEST_CONTEXT, context), call, headers, next);
    }

    /** The context of the call being served, or a bare grpc context outside of one. */
    public static RequestContext current() {
        RequestContext context = REQUEST_CONTEXT.get();
        return context != null ? context : RequestContext.EMPTY.withTransport(TRANSPORT);
    }

    /** Go's {@code net.Addr.String()}: {@code 127.0.0.1:4317}, {@code [::1]:4317}. */
    static String address(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return HostPort.join(inet.getAddress().getHostAddress(), inet.getPort());
        }
        return peer.toString();
    }

    /**
     * Request metadata as grpc-go exposes it, plus upstream's {@code Host} entry: reserved headers left out,
     * {@code :authority} in, binary ({@code -bin}) values as their raw bytes.
     */
    static Map<String, List<String>> metadata(Metadata headers, String authority) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : headers.keys()) {
            if (RESERVED.contains(key) || key.startsWith(":")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                for (byte[] value : headers.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER))) {
                    values.add(new String(value, StandardCharsets.ISO_8859_1));
                }
            } else {
                headers.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)).forEach(values::add);
            }
            out.put(key, values);
        }
        if (authority != null) {
            out.put(":authority", List.of(authority));
            out.putIfAbsent("host", List.of(authority));
        }
        return out;
    }
}
