package io.otelier.helper.exporter;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.exporter.internal.TestData;
import io.otelier.pdata.Traces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake exporter: runs a scripted behaviour per attempt and records what got through. */
final class RecordingSender implements Sender<Traces> {

    /** What one attempt does; returning normally means the destination accepted the data. */
    @FunctionalInterface
    interface Behaviour {
        void attempt(Traces data, int attemptNumber) throws ConsumerException, InterruptedException;
    }

    private final Behaviour behaviour;
    private final List<String> delivered = new ArrayList<>();
    private final List<Duration> timeouts = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    final CountDownLatch gate = new CountDownLatch(1);
    volatile boolean started;
    volatile boolean shutDown;

    RecordingSender(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    static RecordingSender accepting() {
        return new RecordingSender((d, n) -> { });
    }

    /** Accepts, but only once {@link #gate} is opened. */
    static RecordingSender gated() {
        RecordingSender[] self = new RecordingSender[1];
        self[0] = new RecordingSender((d, n) -> {
            if (!self[0].gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        });
        return self[0];
    }

    @Override
    public void start(Host host) {
        started = true;
    }

    @Override
    public void shutdown() {
        shutDown = true;
    }

    @Override
    public void send(RequestContext context, Traces data, Duration timeout) throws ConsumerException {
        int n = attempts.incrementAndGet();
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        try {
            synchronized (this) {
                timeouts.add(timeout);
            }
            behaviour.attempt(data, n);
            synchronized (this) {
                delivered.add(TestData.label(data));
                notifyAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            concurrent.decrementAndGet();
        }
    }

    synchronized List<String> delivered() {
        return List.copyOf(delivered);
    }

    /** Null entries: attempts without a timeout. */
    synchronized List<Duration> timeouts() {
        return new ArrayList<>(timeouts);
    }

    int attempts() {
        return attempts.get();
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    synchronized void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("only " + delivered.size() + " of " + count + " delivered");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
