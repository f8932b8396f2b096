package io.otelier.helper.grpc;

import io.grpc.LoadBalancerRegistry;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.grpc.internal.CallDefaults;
import io.otelier.helper.grpc.internal.Endpoints;
import io.otelier.helper.grpc.internal.Transports;
import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.helper.tls.TlsSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upstream's {@code configgrpc.ClientConfig} (v0.165): how a gRPC client reaches its server.
 *
 * @param endpoint         {@code host:port}, a gRPC target URI ({@code dns:///host:port}) or an
 *                         {@code http(s)://host:port} URL (scheme stripped; {@code https} turns TLS on)
 * @param tls              TLS settings; {@code insecure: true} without a CA means plaintext
 * @param headers          sent as metadata with every call, unless the call sets the same key itself
 * @param compression      {@code gzip}, {@code zstd}, {@code snappy}, or {@code none}/empty for none; the
 *                         component gives the default ({@code gzip} for OTLP)
 * @param readBufferSize   bytes; applied as the socket receive buffer; 0 = system default
 * @param writeBufferSize  bytes; applied as the socket send buffer; 0 = system default
 * @param waitForReady     calls wait for the connection instead of failing fast while it is down
 * @param keepalive        client pings; default 10s/10s without calls off, null for none
 * @param balancerName     {@code round_robin} (default) or {@code pick_first}
 * @param authority        overrides the {@code :authority} header (and the name TLS checks)
 * @param userAgent        prefix of the {@code user-agent} header; empty leaves it to the caller
 * @param auth             an authenticator extension: not supported yet (see {@link #UNSUPPORTED_KEYS})
 * @param dialerMiddleware not supported yet
 * @param middlewares      not supported yet
 */
public record GrpcClientSettings(String endpoint, TlsClientSettings tls, Map<String, String> headers,
        String compression, int readBufferSize, int writeBufferSize, boolean waitForReady, Keepalive keepalive,
        String balancerName, String authority, String userAgent, Object auth, Object dialerMiddleware,
        List<Object> middlewares) implements ComponentConfig {

    /** Upstream's {@code DefaultBalancerName}. */
    public static final String DEFAULT_BALANCER_NAME = "round_robin";

    /** Compression names a gRPC client can use (besides none). */
    public static final Set<String> COMPRESSIONS = Set.of("gzip", "zstd", "snappy");

    /** Keys (relative to this section) that bind but are not implemented yet, including the {@code tls} ones. */
    public static final Set<String> UNSUPPORTED_KEYS = Stream.concat(
            Stream.of("auth", "dialer_middleware", "middlewares"),
            TlsSettings.unsupportedKeysUnder("tls", TlsSettings.UNSUPPORTED_KEYS).stream())
            .collect(Collectors.toUnmodifiableSet());

    /** Values of upstream's {@code configcompression.Type} that are valid there but not for gRPC. */
    private static final Set<String> NOT_FOR_GRPC = Set.of("zlib", "deflate", "x-snappy-framed", "lz4");

    public GrpcClientSettings {
        endpoint = endpoint == null ? "" : endpoint;
        tls = tls == null ? TlsClientSettings.defaults() : tls;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        compression = compression == null ? "" : compression;
        balancerName = balancerName == null ? "" : balancerName;
        authority = authority == null ? "" : authority;
        userAgent = userAgent == null ? "" : userAgent;
        middlewares = middlewares == null ? List.of() : List.copyOf(middlewares);
    }

    /** Upstream's {@code NewDefaultClientConfig}: TLS on, round_robin, keepalive 10s/10s. */
    public static GrpcClientSettings defaults() {
        return new GrpcClientSettings("", TlsClientSettings.defaults(), Map.of(), "", 0, 0, false,
                Keepalive.defaults(), DEFAULT_BALANCER_NAME, "", "", null, null, List.of());
    }

    /** {@link #UNSUPPORTED_KEYS} under {@code prefix} ({@code ""} for a component whose config squashes this). */
    public static Set<String> unsupportedKeysUnder(String prefix) {
        return prefix.isEmpty() ? UNSUPPORTED_KEYS : TlsSettings.unsupportedKeysUnder(prefix, UNSUPPORTED_KEYS);
    }

    public GrpcClientSettings withEndpoint(String value) {
        return new GrpcClientSettings(value, tls, headers, compression, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, authority, userAgent, auth, dialerMiddleware, middlewares);
    }

    public GrpcClientSettings withTls(TlsClientSettings value) {
        return new GrpcClientSettings(endpoint, value, headers, compression, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, authority, userAgent, auth, dialerMiddleware, middlewares);
    }

    public GrpcClientSettings withHeaders(Map<String, String> value) {
        return new GrpcClientSettings(endpoint, tls, value, compression, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, authority, userAgent, auth, dialerMiddleware, middlewares);
    }

    public GrpcClientSettings withCompression(String value) {
        return new GrpcClientSettings(endpoint, tls, headers, value, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, authority, userAgent, auth, dialerMiddleware, middlewares);
    }

    public GrpcClientSettings withWaitForReady(boolean value) {
        return new GrpcClientSettings(endpoint, tls, headers, compression, readBufferSize, writeBufferSize,
                value, keepalive, balancerName, authority, userAgent, auth, dialerMiddleware, middlewares);
    }

    public GrpcClientSettings withAuthority(String value) {
        return new GrpcClientSettings(endpoint, tls, headers, compression, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, value, userAgent, auth, dialerMiddleware, middlewares);
    }

    public GrpcClientSettings withUserAgent(String value) {
        return new GrpcClientSettings(endpoint, tls, headers, compression, readBufferSize, writeBufferSize,
                waitForReady, keepalive, balancerName, authority, value, auth, dialerMiddleware, middlewares);
    }

    /** Upstream's {@code validateClientConfig}, plus the compression check upstream makes when connecting. */
    @Override
    public void validate() throws ConfigException {
        try {
            Endpoints.validate(endpoint);
        } catch (IllegalArgumentException e) {
            throw ConfigException.at("endpoint", e.getMessage());
        }
        for (String name : headers.keySet()) {
            if (!CallDefaults.isValidHeaderName(name)) {
                throw ConfigException.at("headers", "header key \"" + name
                        + "\" contains illegal characters not in [0-9a-z-_.]");
            }
        }
        if (!balancerName.isEmpty() && LoadBalancerRegistry.getDefaultRegistry().getProvider(balancerName) == null) {
            throw ConfigException.at("balancer_name", "invalid balancer_name: " + balancerName);
        }
        if (isCompressed() && !COMPRESSIONS.contains(compression)) {
            throw ConfigException.at("compression", "unsupported compression type \"" + compression + "\""
                    + (NOT_FOR_GRPC.contains(compression) ? " (valid for gRPC: gzip, zstd, snappy, none)" : ""));
        }
        if (auth != null) {
            throw ConfigException.at("auth", Transports.NOT_SUPPORTED);
        }
        if (dialerMiddleware != null) {
            throw ConfigException.at("dialer_middleware", Transports.NOT_SUPPORTED);
        }
        if (!middlewares.isEmpty()) {
            throw ConfigException.at("middlewares", Transports.NOT_SUPPORTED);
        }
    }

    /** Upstream's {@code IsCompressed}: anything but empty and {@code none}. */
    public boolean isCompressed() {
        return !compression.isEmpty() && !compression.equals("none");
    }

    /** Header values are secrets (upstream's {@code configopaque}): only their names are shown. */
    @Override
    public String toString() {
        return "GrpcClientSettings[endpoint=" + endpoint + ", tls=" + tls + ", headers=" + headers.keySet()
                + ", compression=" + compression + ", readBufferSize=" + readBufferSize + ", writeBufferSize="
                + writeBufferSize + ", waitForReady=" + waitForReady + ", keepalive=" + keepalive
                + ", balancerName=" + balancerName + ", authority=" + authority + ", userAgent=" + userAgent + "]";
    }

    /** Upstream's {@code KeepaliveClientConfig}. */
    public record Keepalive(Duration time, Duration timeout, boolean permitWithoutStream) implements ComponentConfig {

        public static final Duration DEFAULT_TIME = Duration.ofSeconds(10);
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        public Keepalive {
            time = time == null ? Duration.ZERO : time;
            timeout = timeout == null ? Duration.ZERO : timeout;
        }

        public static Keepalive defaults() {
            return new Keepalive(DEFAULT_TIME, DEFAULT_TIMEOUT, false);
        }
    }
}
