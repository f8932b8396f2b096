package io.otelier.helper.http.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.http.HttpErrorHandler;
import io.otelier.helper.http.HttpHandler;
import io.otelier.helper.http.HttpServer;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.helper.tls.TlsContexts;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The HTTP/1.1 server on netty: one acceptor thread, I/O threads for parsing and TLS, and a worker pool for
 * handlers (which may block). All threads belong to this server and end with {@link #stop}.
 */
public final class NettyHttpServer implements HttpServer {

    /** Go's {@code http.DefaultMaxHeaderBytes}: request line and headers together. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int MAX_CHUNK = 64 * 1024;

    /** Numbers servers, for thread names. */
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ExecutorService workers;
    private final ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    private final ServerState state = new ServerState();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Channel listener;
    private final InetSocketAddress address;

    private NettyHttpServer(HttpServerSettings settings, ServerPlan plan) throws IOException {
        SSLContext ssl = settings.tls() == null ? null : TlsContexts.server(settings.tls());
        InetSocketAddress bindTo = ListenAddress.parse(settings.endpoint());
        String name = "otelier-http-" + SERVERS.incrementAndGet();
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true),
                NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory(name + "-io", true),
                NioIoHandler.newFactory());
        workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DefaultThreadFactory(name + "-handler", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                // Go's listeners set SO_REUSEADDR: a restarted receiver can bind while old connections linger
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ConnectionHandler connection = new ConnectionHandler(plan, workers, state);
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            SSLEngine engine = ssl.createSSLEngine();
                            engine.setUseClientMode(false);
                            p.addLast("tls", new SslHandler(engine));
                        }
                        p.addLast("first-byte", new FirstByteObserver(connection));
                        p.addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(MAX_HEADER_BYTES)
                                .setMaxHeaderSize(MAX_HEADER_BYTES)
                                .setMaxChunkSize(MAX_CHUNK)));
                        p.addLast("exchange", connection);
                    }
                });
        ChannelFuture bound = bootstrap.bind(bindTo).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownThreads(Duration.ZERO);
            Throwable cause = bound.cause();
            String why = cause instanceof BindException
                    ? "bind: " + String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT)
                    : String.valueOf(cause.getMessage());
            throw new IOException("listen " + settings.transport() + " " + settings.endpoint() + ": " + why, cause);
        }
        listener = bound.channel();
        address = (InetSocketAddress) listener.localAddress();
    }

    public static HttpServer start(HttpServerSettings settings, Map<String, HttpHandler> handlers,
            HttpErrorHandler errorHandler, Logger logger) throws IOException {
        return new NettyHttpServer(settings, ServerPlan.of(settings, handlers, errorHandler, logger));
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void stop() {
        stop(Duration.ofSeconds(10));
    }

    @Override
    public void stop(Duration drain) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        state.startDraining();
        for (Channel ch : connections) {
            ch.eventLoop().execute(() -> {
                ConnectionHandler c = ch.pipeline().get(ConnectionHandler.class);
                if (c != null) {
                    c.drain();
                }
            });
        }
        long deadline = System.nanoTime() + drain.toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            sleep(10);
        }
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        shutdownThreads(Duration.ofSeconds(5));
    }

    private void shutdownThreads(Duration wait) {
        io.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        acceptor.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        workers.shutdown();
        try {
            io.terminationFuture().await(wait.toMillis());
            acceptor.terminationFuture().await(wait.toMillis());
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "HttpServer[" + address + "]";
    }
}
