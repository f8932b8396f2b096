package io.otelier.helper.grpc;

import io.grpc.Server;
import io.otelier.helper.grpc.internal.Threads;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A started gRPC server and the threads it owns. */
public final class GrpcServer implements AutoCloseable {

    /** How long {@link #close()} lets in-flight calls finish. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final Server server;
    private final Threads threads;

    GrpcServer(Server server, Threads threads) {
        this.server = server;
        this.threads = threads;
    }

    /** The address actually bound (port 0 in the endpoint becomes the chosen port). */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getListenSockets().get(0);
    }

    public int port() {
        return address().getPort();
    }

    /**
     * Stops accepting calls, lets in-flight calls finish for up to {@code timeout} (upstream's graceful stop),
     * then cancels what is left and stops the server's threads.
     *
     * @return true when everything ended in time
     */
    public boolean shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        server.shutdown();
        boolean graceful;
        try {
            graceful = server.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!graceful) {
                server.shutdownNow();
                server.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
            graceful = false;
        }
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)));
        return threads.shutdown(left) && graceful;
    }

    public boolean isTerminated() {
        return server.isTerminated() && threads.isTerminated();
    }

    /** {@link #shutdown(Duration)} with {@link #DEFAULT_SHUTDOWN_TIMEOUT}. */
    @Override
    public void close() {
        shutdown(DEFAULT_SHUTDOWN_TIMEOUT);
    }

    @Override
    public String toString() {
        return "GrpcServer[" + server.getListenSockets() + "]";
    }
}
