package io.otelier.helper.grpc.internal;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A channel that owns its threads: once the channel has terminated they are stopped too, whether the caller
 * waits ({@link #awaitTermination}) or not (a check on the channel's own event loop notices termination).
 */
public final class OwnedChannel extends ManagedChannel {

    private static final long CHECK_MILLIS = 50;
    private static final Duration THREADS_TIMEOUT = Duration.ofSeconds(5);

    private final ManagedChannel delegate;
    private final Threads threads;

    public OwnedChannel(ManagedChannel delegate, Threads threads) {
        this.delegate = delegate;
        this.threads = threads;
    }

    @Override
    public ManagedChannel shutdown() {
        delegate.shutdown();
        releaseWhenTerminated();
        return this;
    }

    @Override
    public ManagedChannel shutdownNow() {
        delegate.shutdownNow();
        releaseWhenTerminated();
        return this;
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated() && threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!delegate.awaitTermination(timeout, unit)) {
            return false;
        }
        return threads.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        return delegate.newCall(method, options);
    }

    @Override
    public String authority() {
        return delegate.authority();
    }

    @Override
    public ConnectivityState getState(boolean requestConnection) {
        return delegate.getState(requestConnection);
    }

    @Override
    public void notifyWhenStateChanged(ConnectivityState source, Runnable callback) {
        delegate.notifyWhenStateChanged(source, callback);
    }

    @Override
    public void resetConnectBackoff() {
        delegate.resetConnectBackoff();
    }

    @Override
    public void enterIdle() {
        delegate.enterIdle();
    }

    @Override
    public String toString() {
        return "OwnedChannel[" + delegate + "]";
    }

    private void releaseWhenTerminated() {
        if (threads.workers().isShuttingDown()) {
            return;
        }
        try {
            threads.workers().schedule(this::checkTerminated, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException alreadyStopping) {
            // another shutdown call got there first
        }
    }

    private void checkTerminated() {
        if (!delegate.isTerminated()) {
            releaseWhenTerminated();
            return;
        }
        // not awaited here: this runs on one of the threads being stopped
        threads.executor().shutdown();
        threads.workers().shutdownGracefully(0, THREADS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
