package io.otelier.helper.grpc;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.grpc.internal.Transports;
import io.otelier.helper.tls.TlsServerSettings;
import io.otelier.helper.tls.TlsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Upstream's {@code configgrpc.ServerConfig} (v0.165): where and how a gRPC server listens. Keys and defaults
 * are upstream's; zero means "grpc's own default" for the sizes and keepalive durations, as upstream.
 *
 * @param endpoint             {@code host:port} to listen on; the component gives the default
 *                             ({@code localhost:4317} for OTLP)
 * @param transport            {@code tcp} (default), {@code tcp4} or {@code tcp6}
 * @param dialer               accepted for upstream compatibility; upstream's listener ignores it too
 * @param tls                  null (the default) serves plaintext
 * @param maxRecvMsgSizeMib    largest accepted message in MiB, after decompression; 0 = grpc's 4 MiB
 * @param maxConcurrentStreams per connection; 0 = unlimited
 * @param readBufferSize       bytes; applied as the socket receive buffer; 0 = system default
 * @param writeBufferSize      bytes; applied as the socket send buffer; 0 = system default
 * @param keepalive            server keepalive parameters and the enforcement policy for client pings
 * @param includeMetadata      pass request metadata on in the {@code RequestContext}
 * @param auth                 an authenticator extension: not supported yet (see {@link #UNSUPPORTED_KEYS})
 * @param middlewares          middleware extensions: not supported yet
 */
public record GrpcServerSettings(String endpoint, String transport, Dialer dialer, TlsServerSettings tls,
        long maxRecvMsgSizeMib, long maxConcurrentStreams, int readBufferSize, int writeBufferSize,
        Keepalive keepalive, boolean includeMetadata, Object auth, List<Object> middlewares)
        implements ComponentConfig {

    public static final String DEFAULT_TRANSPORT = "tcp";

    /** Upstream's bound: {@code math.MaxInt / 1024 / 1024}, beyond which the size in bytes overflows. */
    public static final long MAX_RECV_MSG_SIZE_MIB_LIMIT = Long.MAX_VALUE / 1024 / 1024;

    /**
     * Keys (relative to this section) that bind but are not implemented by this distribution yet, including
     * the {@code tls} ones. A component adds them under its own prefix with {@link #unsupportedKeysUnder}.
     */
    public static final Set<String> UNSUPPORTED_KEYS = Stream.concat(Stream.of("auth", "middlewares"),
            TlsSettings.unsupportedKeysUnder("tls", TlsServerSettings.UNSUPPORTED_KEYS).stream())
            .collect(Collectors.toUnmodifiableSet());

    public GrpcServerSettings {
        endpoint = endpoint == null ? "" : endpoint;
        transport = transport == null ? "" : transport;
        dialer = dialer == null ? Dialer.defaults() : dialer;
        middlewares = middlewares == null ? List.of() : List.copyOf(middlewares);
    }

    /** Upstream's {@code NewDefaultServerConfig}: tcp, no TLS, keepalive sections present with zero values. */
    public static GrpcServerSettings defaults() {
        return defaults("");
    }

    /** {@link #defaults()} listening on {@code endpoint}. */
    public static GrpcServerSettings defaults(String endpoint) {
        return new GrpcServerSettings(endpoint, DEFAULT_TRANSPORT, Dialer.defaults(), null, 0, 0, 0, 0,
                Keepalive.defaults(), false, null, List.of());
    }

    /** {@link #UNSUPPORTED_KEYS} under {@code prefix} ({@code "protocols::grpc"}). */
    public static Set<String> unsupportedKeysUnder(String prefix) {
        return TlsSettings.unsupportedKeysUnder(prefix, UNSUPPORTED_KEYS);
    }

    public GrpcServerSettings withEndpoint(String value) {
        return new GrpcServerSettings(value, transport, dialer, tls, maxRecvMsgSizeMib, maxConcurrentStreams,
                readBufferSize, writeBufferSize, keepalive, includeMetadata, auth, middlewares);
    }

    public GrpcServerSettings withTls(TlsServerSettings value) {
        return new GrpcServerSettings(endpoint, transport, dialer, value, maxRecvMsgSizeMib, maxConcurrentStreams,
                readBufferSize, writeBufferSize, keepalive, includeMetadata, auth, middlewares);
    }

    public GrpcServerSettings withMaxRecvMsgSizeMib(long value) {
        return new GrpcServerSettings(endpoint, transport, dialer, tls, value, maxConcurrentStreams,
                readBufferSize, writeBufferSize, keepalive, includeMetadata, auth, middlewares);
    }

    public GrpcServerSettings withIncludeMetadata(boolean value) {
        return new GrpcServerSettings(endpoint, transport, dialer, tls, maxRecvMsgSizeMib, maxConcurrentStreams,
                readBufferSize, writeBufferSize, keepalive, value, auth, middlewares);
    }

    public GrpcServerSettings withKeepalive(Keepalive value) {
        return new GrpcServerSettings(endpoint, transport, dialer, tls, maxRecvMsgSizeMib, maxConcurrentStreams,
                readBufferSize, writeBufferSize, value, includeMetadata, auth, middlewares);
    }

    /** Upstream's {@code ServerConfig.Validate} and {@code AddrConfig.Validate}; nested sections validate themselves. */
    @Override
    public void validate() throws ConfigException {
        Transports.check(transport);
        if (maxRecvMsgSizeMib < 0 || maxRecvMsgSizeMib > MAX_RECV_MSG_SIZE_MIB_LIMIT) {
            throw ConfigException.at("max_recv_msg_size_mib", "invalid max_recv_msg_size_mib value, must be between 1 and "
                    + MAX_RECV_MSG_SIZE_MIB_LIMIT + ": " + maxRecvMsgSizeMib);
        }
        if (maxConcurrentStreams < 0 || maxConcurrentStreams > 0xFFFF_FFFFL) {
            throw ConfigException.at("max_concurrent_streams",
                    "max_concurrent_streams must be between 0 and 4294967295: " + maxConcurrentStreams);
        }
        if (readBufferSize < 0) {
            throw ConfigException.at("read_buffer_size", "read_buffer_size value must be greater than or equal to 0");
        }
        if (writeBufferSize < 0) {
            throw ConfigException.at("write_buffer_size", "write_buffer_size value must be greater than or equal to 0");
        }
        if (auth != null) {
            throw ConfigException.at("auth", Transports.NOT_SUPPORTED);
        }
        if (!middlewares.isEmpty()) {
            throw ConfigException.at("middlewares", Transports.NOT_SUPPORTED);
        }
    }

    /** The largest accepted message in bytes, or 0 for grpc's default (4 MiB). */
    public int maxRecvMsgSizeBytes() {
        if (maxRecvMsgSizeMib <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, maxRecvMsgSizeMib * 1024 * 1024);
    }

    /** Upstream's {@code confignet.DialerConfig}: only used when dialling, so it has no effect on a server. */
    public record Dialer(Duration timeout) implements ComponentConfig {

        public Dialer {
            timeout = timeout == null ? Duration.ZERO : timeout;
        }

        public static Dialer defaults() {
            return new Dialer(Duration.ZERO);
        }
    }

    /** Upstream's {@code KeepaliveServerConfig}: both parts present by default, with zero values. */
    public record Keepalive(ServerParameters serverParameters, EnforcementPolicy enforcementPolicy)
            implements ComponentConfig {

        public static Keepalive defaults() {
            return new Keepalive(ServerParameters.defaults(), EnforcementPolicy.defaults());
        }
    }

    /**
     * Upstream's {@code KeepaliveServerParameters}; zero keeps grpc's default (idle and age unlimited, ping
     * after 2h of inactivity, 20s to answer it).
     */
    public record ServerParameters(Duration maxConnectionIdle, Duration maxConnectionAge,
            Duration maxConnectionAgeGrace, Duration time, Duration timeout) implements ComponentConfig {

        public ServerParameters {
            maxConnectionIdle = orZero(maxConnectionIdle);
            maxConnectionAge = orZero(maxConnectionAge);
            maxConnectionAgeGrace = orZero(maxConnectionAgeGrace);
            time = orZero(time);
            timeout = orZero(timeout);
        }

        public static ServerParameters defaults() {
            return new ServerParameters(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
    }

    /**
     * Upstream's {@code KeepaliveEnforcementPolicy}: how often clients may ping (zero keeps grpc's 5 minutes)
     * and whether they may ping without active calls.
     */
    public record EnforcementPolicy(Duration minTime, boolean permitWithoutStream) implements ComponentConfig {

        public EnforcementPolicy {
            minTime = orZero(minTime);
        }

        public static EnforcementPolicy defaults() {
            return new EnforcementPolicy(Duration.ZERO, false);
        }
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }
}
