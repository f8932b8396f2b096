package io.otelier.helper.grpc;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.grpc.internal.ClientInfoInterceptor;
import io.otelier.helper.grpc.internal.Compression;
import io.otelier.helper.grpc.internal.EventLoopCalls;
import io.otelier.helper.grpc.internal.HostPort;
import io.otelier.helper.grpc.internal.Threads;
import io.otelier.helper.tls.TlsContexts;
import io.otelier.helper.tls.TlsException;
import io.otelier.helper.tls.TlsServerSettings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Starts gRPC servers from {@link GrpcServerSettings}, as upstream's {@code ServerConfig.ToServer} followed by
 * {@code Serve} on the configured listener: netty on NIO, TLS from the helper-tls settings, the size, stream
 * and keepalive limits, gzip/zstd/snappy decompression, and a {@link RequestContext} for every call (see
 * {@link #requestContext()}). A server of {@link OtlpGrpc} services only reads requests on its event loops and
 * calls their handlers there when they never block ({@link OtlpGrpcHandler#mayBlock}); other services' calls run
 * on a worker pool.
 */
public final class GrpcServers {

    private static final AtomicInteger SERVER_NUMBER = new AtomicInteger();

    private GrpcServers() {
    }

    /**
     * Binds the endpoint and starts serving {@code services} (e.g. {@link OtlpGrpc#traceService}).
     *
     * @throws IOException when the endpoint cannot be bound (message like upstream's
     *                     {@code listen tcp 127.0.0.1:4317: bind: address already in use})
     * @throws TlsException when the TLS material cannot be loaded
     */
    public static GrpcServer start(GrpcServerSettings settings, ServerServiceDefinition... services) throws IOException {
        InetSocketAddress address = bindAddress(settings);
        SslContext ssl = settings.tls() == null ? null : serverSsl(settings.tls());
        Threads threads = Threads.forServer("otelier-grpc-server-" + SERVER_NUMBER.incrementAndGet());
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
                    .channelType(NioServerSocketChannel.class)
                    .bossEventLoopGroup(threads.boss())
                    .workerEventLoopGroup(threads.workers())
                    .compressorRegistry(Compression.compressors())
                    .decompressorRegistry(Compression.decompressors(settings.maxRecvMsgSizeBytes()))
                    .intercept(new ClientInfoInterceptor(settings.includeMetadata()));
            ServerServiceDefinition[] onEventLoop = EventLoopCalls.bind(services, threads.executor());
            if (onEventLoop != null) {
                builder.directExecutor();
                services = onEventLoop;
            } else {
                builder.executor(threads.executor());
            }
            if (ssl != null) {
                builder.sslContext(ssl);
            }
            apply(settings, builder);
            for (ServerServiceDefinition service : services) {
                builder.addService(service);
            }
            Server server = builder.build();
            try {
                server.start();
            } catch (IOException e) {
                throw new IOException("listen " + settings.transport() + " " + settings.endpoint() + ": "
                        + describe(e), e);
            }
            return new GrpcServer(server, threads);
        } catch (IOException | RuntimeException e) {
            threads.shutdown(Duration.ofSeconds(1));
            throw e;
        }
    }

    /**
     * The {@link RequestContext} of the call being served on this thread: transport {@code grpc}, the peer's
     * address, and the request metadata when {@code include_metadata} is on. For services other than
     * {@link OtlpGrpc}'s, which pass it to their handler themselves.
     */
    public static RequestContext requestContext() {
        return ClientInfoInterceptor.current();
    }

    private static void apply(GrpcServerSettings s, NettyServerBuilder builder) {
        if (s.maxRecvMsgSizeBytes() > 0) {
            builder.maxInboundMessageSize(s.maxRecvMsgSizeBytes());
        }
        if (s.maxConcurrentStreams() > 0) {
            builder.maxConcurrentCallsPerConnection((int) Math.min(Integer.MAX_VALUE, s.maxConcurrentStreams()));
        }
        // grpc-go's read/write buffers sit between the socket and the HTTP/2 framer; netty reads into pooled
        // buffers, so the closest knob is the socket's own buffer
        if (s.readBufferSize() > 0) {
            builder.withChildOption(ChannelOption.SO_RCVBUF, s.readBufferSize());
        }
        if (s.writeBufferSize() > 0) {
            builder.withChildOption(ChannelOption.SO_SNDBUF, s.writeBufferSize());
        }
        GrpcServerSettings.Keepalive keepalive = s.keepalive();
        if (keepalive == null) {
            return;
        }
        GrpcServerSettings.ServerParameters params = keepalive.serverParameters();
        if (params != null) {
            ifPositive(params.maxConnectionIdle(), d -> builder.maxConnectionIdle(d.toNanos(), TimeUnit.NANOSECONDS));
            ifPositive(params.maxConnectionAge(), d -> builder.maxConnectionAge(d.toNanos(), TimeUnit.NANOSECONDS));
            ifPositive(params.maxConnectionAgeGrace(),
                    d -> builder.maxConnectionAgeGrace(d.toNanos(), TimeUnit.NANOSECONDS));
            ifPositive(params.time(), d -> builder.keepAliveTime(d.toNanos(), TimeUnit.NANOSECONDS));
            ifPositive(params.timeout(), d -> builder.keepAliveTimeout(d.toNanos(), TimeUnit.NANOSECONDS));
        }
        GrpcServerSettings.EnforcementPolicy policy = keepalive.enforcementPolicy();
        if (policy != null) {
            ifPositive(policy.minTime(), d -> builder.permitKeepAliveTime(d.toNanos(), TimeUnit.NANOSECONDS));
            builder.permitKeepAliveWithoutCalls(policy.permitWithoutStream());
        }
    }

    private static void ifPositive(Duration d, java.util.function.Consumer<Duration> apply) {
        if (d != null && !d.isZero() && !d.isNegative()) {
            apply.accept(d);
        }
    }

    /** What Go's {@code net.Listen} would bind for this endpoint and transport. */
    static InetSocketAddress bindAddress(GrpcServerSettings s) throws IOException {
        String prefix = "listen " + s.transport() + ": ";
        HostPort hostPort;
        try {
            hostPort = HostPort.split(s.endpoint());
        } catch (IllegalArgumentException e) {
            throw new IOException(prefix + e.getMessage(), e);
        }
        int port = (int) hostPort.numericPort().orElse(-1);
        if (port < 0 || port > 65535 || hostPort.numericPort().getAsLong() != port) {
            throw new IOException(prefix + "address " + s.endpoint() + ": invalid port");
        }
        String host = hostPort.host();
        if (host.isEmpty()) {
            return switch (s.transport()) {
                case "tcp4" -> new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port);
                case "tcp6" -> new InetSocketAddress(InetAddress.getByName("::"), port);
                default -> new InetSocketAddress(port);
            };
        }
        InetAddress[] candidates;
        try {
            candidates = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new IOException(prefix + "lookup " + host + ": no such host", e);
        }
        Class<? extends InetAddress> family = s.transport().equals("tcp6") ? Inet6Address.class : Inet4Address.class;
        InetAddress chosen = Arrays.stream(candidates).filter(family::isInstance).findFirst()
                .orElse(s.transport().equals("tcp") ? candidates[0] : null);
        if (chosen == null) {
            throw new IOException(prefix + "address " + s.endpoint() + ": no suitable address found");
        }
        return new InetSocketAddress(chosen, port);
    }

    /** Netty's TLS context over the helper-tls key and trust managers, with ALPN h2 as grpc requires. */
    private static SslContext serverSsl(TlsServerSettings tls) {
        KeyManagerFactory keys = TlsContexts.keyManagers(tls);
        if (keys == null) {
            throw new TlsException("failed to load TLS config: TLS configuration must include both certificate and"
                    + " key for server connections");
        }
        SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forServer(keys), SslProvider.JDK);
        TrustManagerFactory clientCas = TlsContexts.clientCaTrustManagers(tls);
        if (clientCas != null) {
            builder.trustManager(clientCas).clientAuth(ClientAuth.REQUIRE);
        }
        builder.protocols(TlsContexts.protocols(tls));
        String[] ciphers = TlsContexts.cipherSuites(tls);
        if (ciphers != null) {
            builder.ciphers(Arrays.asList(ciphers));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new TlsException("failed to load TLS config: " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof java.net.BindException && message.toLowerCase().contains("address already in use")) {
            return "bind: address already in use";
        }
        return message;
    }
}
