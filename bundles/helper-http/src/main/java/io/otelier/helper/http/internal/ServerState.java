package io.otelier.helper.http.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** What connections share: whether the server is draining, and how many requests are being handled. */
final class ServerState {

    private volatile boolean draining;
    private final AtomicInteger inFlight = new AtomicInteger();

    boolean draining() {
        return draining;
    }

    void startDraining() {
        draining = true;
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }
}
