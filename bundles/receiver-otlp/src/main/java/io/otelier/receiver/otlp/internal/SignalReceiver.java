package io.otelier.receiver.otlp.internal;

import io.otelier.api.component.Host;
import io.otelier.api.receiver.Receiver;

/**
 * What the runtime holds for one (signal, id): a handle on the shared {@link OtlpReceiver}. Starting it starts
 * or joins the shared servers; shutting it down leaves them, and the last one to leave stops them.
 */
final class SignalReceiver implements Receiver {

    private final OtlpReceiver shared;
    private boolean started;
    private boolean stopped;

    SignalReceiver(OtlpReceiver shared) {
        this.shared = shared;
    }

    @Override
    public synchronized void start(Host host) throws Exception {
        if (started || stopped) {
            return;
        }
        shared.start();
        started = true;
    }

    @Override
    public synchronized void shutdown() {
        if (started && !stopped) {
            shared.release();
        }
        stopped = true;
    }

    OtlpReceiver shared() {
        return shared;
    }
}
