package io.otelier.helper.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NegotiationType;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.otelier.helper.grpc.internal.CallDefaults;
import io.otelier.helper.grpc.internal.Compression;
import io.otelier.helper.grpc.internal.Endpoints;
import io.otelier.helper.grpc.internal.OwnedChannel;
import io.otelier.helper.grpc.internal.Threads;
import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.helper.tls.TlsContexts;
import io.otelier.helper.tls.TlsException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds client channels from {@link GrpcClientSettings}, as upstream's {@code ClientConfig.ToClientConn}:
 * creating one never blocks and never fails because the server is down or its name does not resolve; the
 * channel connects in the background (upstream calls {@code Connect()} right away) and keeps retrying with
 * backoff. Calls on it get the configured compression, {@code wait_for_ready} and headers.
 *
 * <p>Closing: {@code shutdown()} then {@code awaitTermination(…)}; the channel's own threads stop with it.
 */
public final class GrpcChannels {

    private static final AtomicInteger CHANNEL_NUMBER = new AtomicInteger();

    private GrpcChannels() {
    }

    /**
     * @throws TlsException when TLS material cannot be loaded (a start-time error upstream too)
     */
    public static ManagedChannel create(GrpcClientSettings settings) {
        SslContext ssl = plaintext(settings) ? null : clientSsl(settings.tls());
        Threads threads = Threads.forChannel("otelier-grpc-client-" + CHANNEL_NUMBER.incrementAndGet());
        try {
            NettyChannelBuilder builder = NettyChannelBuilder.forTarget(Endpoints.dialTarget(settings.endpoint()))
                    .channelType(NioSocketChannel.class)
                    .eventLoopGroup(threads.workers())
                    .executor(threads.executor())
                    .offloadExecutor(threads.executor())
                    .compressorRegistry(Compression.compressors())
                    .decompressorRegistry(Compression.decompressors(0))
                    .intercept(new CallDefaults(settings.waitForReady(),
                            settings.isCompressed() ? settings.compression() : null, settings.headers()));
            if (ssl == null) {
                builder.negotiationType(NegotiationType.PLAINTEXT);
            } else {
                builder.negotiationType(NegotiationType.TLS).sslContext(ssl);
            }
            apply(settings, builder);
            ManagedChannel channel = new OwnedChannel(builder.build(), threads);
            // connect in the background, as upstream does; this neither blocks nor throws
            channel.getState(true);
            return channel;
        } catch (RuntimeException e) {
            threads.shutdown(java.time.Duration.ofSeconds(1));
            throw e;
        }
    }

    /**
     * Upstream's rule: plaintext when TLS loads to nothing ({@code insecure: true} without a CA) and the endpoint
     * is not an {@code https://} URL.
     */
    public static boolean plaintext(GrpcClientSettings settings) {
        return TlsContexts.isPlaintext(settings.tls()) && !Endpoints.isHttps(settings.endpoint());
    }

    private static void apply(GrpcClientSettings s, NettyChannelBuilder builder) {
        if (!s.balancerName().isEmpty()) {
            builder.defaultServiceConfig(Map.of("loadBalancingPolicy", s.balancerName()));
        }
        if (!s.authority().isEmpty()) {
            builder.overrideAuthority(s.authority());
        }
        if (!s.userAgent().isEmpty()) {
            builder.userAgent(s.userAgent());
        }
        // see GrpcServers: the socket buffers are netty's nearest equivalent of grpc-go's buffer sizes
        if (s.readBufferSize() > 0) {
            builder.withOption(ChannelOption.SO_RCVBUF, s.readBufferSize());
        }
        if (s.writeBufferSize() > 0) {
            builder.withOption(ChannelOption.SO_SNDBUF, s.writeBufferSize());
        }
        GrpcClientSettings.Keepalive keepalive = s.keepalive();
        if (keepalive != null) {
            if (keepalive.time().toNanos() > 0) {
                builder.keepAliveTime(keepalive.time().toNanos(), TimeUnit.NANOSECONDS);
            }
            if (keepalive.timeout().toNanos() > 0) {
                builder.keepAliveTimeout(keepalive.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            builder.keepAliveWithoutCalls(keepalive.permitWithoutStream());
        }
    }

    /**
     * Netty's TLS context over the helper-tls trust and key managers: the configured CAs (or the JVM's roots),
     * {@code insecure_skip_verify}, {@code server_name_override} as the name the certificate must match, a
     * client certificate for mTLS, and the versions and cipher suites.
     */
    private static SslContext clientSsl(TlsClientSettings tls) {
        SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK);
        TrustManagerFactory trust = TlsContexts.trustManagers(tls);
        if (trust != null) {
            builder.trustManager(trust);
        }
        KeyManagerFactory keys = TlsContexts.keyManagers(tls);
        if (keys != null) {
            builder.keyManager(keys);
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
}
