package io.otelier.runtime.internal.graph;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Telemetry;
import java.util.concurrent.TimeUnit;

/**
 * The front of one pipeline, which stays in place while the pipeline behind it is rebuilt (hot swap, config
 * reload): receivers keep their sockets and keep pointing here. While the gate is closed, callers wait up to
 * the hold time for it to open again and are then refused with a {@link RetryableException}, which OTLP
 * answers as gRPC UNAVAILABLE / HTTP 503 so that clients retry. Closing waits until the calls already inside
 * have returned, so the old pipeline can be drained and stopped with nothing in flight.
 */
final class PipelineGate<T extends Telemetry> implements Consumer<T> {

    private final String pipeline;
    private final long holdNanos;
    private final Object lock = new Object();
    private Consumer<T> target;
    private int inFlight;
    /** Why a closed gate refuses: "is being rebuilt", "waits for …". */
    private String reason = "is starting";
    private volatile boolean mutates;
    /** The target while the gate is open, null while it is closed; written under the lock, read also without. */
    private volatile Consumer<T> passing;

    PipelineGate(String pipeline, long holdMillis) {
        this.pipeline = pipeline;
        this.holdNanos = TimeUnit.MILLISECONDS.toNanos(holdMillis);
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        Consumer<T> t;
        synchronized (lock) {
            long deadline = System.nanoTime() + holdNanos;
            while (passing == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new RetryableException("pipeline \"" + pipeline + "\" " + reason + "; retry later");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RetryableException("pipeline \"" + pipeline + "\" " + reason + "; retry later", e);
                }
            }
            inFlight++;
            t = passing;
        }
        try {
            t.consume(context, data);
        } finally {
            synchronized (lock) {
                if (--inFlight == 0 && passing == null) {
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * Stops letting calls in and waits (bounded) until those inside have returned.
     *
     * @return whether everything inside returned in time
     */
    boolean close(String why, long drainMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        synchronized (lock) {
            passing = null;
            reason = why;
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Records why the closed gate refuses (a pipeline waiting for a factory, or one that failed to start). */
    void refuseBecause(String why) {
        synchronized (lock) {
            reason = why;
        }
    }

    /** Sets the pipeline behind the gate (the gate must be closed) and what fan-outs in front should know of it. */
    void prepare(Consumer<T> next, boolean mutatesData) {
        synchronized (lock) {
            target = next;
            mutates = mutatesData;
        }
    }

    /** Tells fan-outs built before the gate opens whether the prepared pipeline mutates data. */
    void prepareMutates(boolean mutatesData) {
        mutates = mutatesData;
    }

    /** Lets calls through to the prepared pipeline and wakes the callers holding. */
    void open() {
        synchronized (lock) {
            if (target == null) {
                throw new IllegalStateException("pipeline " + pipeline + " has nothing behind its gate");
            }
            passing = target;
            lock.notifyAll();
        }
    }

    boolean isOpen() {
        return passing != null;
    }

    @Override
    public boolean mutatesData() {
        return mutates;
    }

    /** A closed gate holds its callers (up to the hold time); an open one answers for the pipeline behind it. */
    @Override
    public boolean mayBlock() {
        Consumer<T> t = passing;
        return t == null || t.mayBlock();
    }
}
