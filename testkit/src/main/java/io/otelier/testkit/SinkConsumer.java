package io.otelier.testkit;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Records everything it is given (upstream's consumertest.Sink). Thread-safe. */
public final class SinkConsumer<T extends Telemetry> implements Consumer<T> {

    private final List<T> received = new ArrayList<>();
    private final List<RequestContext> contexts = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private final boolean mutates;
    private volatile ConsumerException failWith;
    private volatile boolean mayBlock = true;

    public SinkConsumer() {
        this(false);
    }

    public SinkConsumer(boolean mutatesData) {
        this.mutates = mutatesData;
    }

    /** From now on, refuse every call with this error (null to accept again). */
    public SinkConsumer<T> failWith(ConsumerException error) {
        this.failWith = error;
        return this;
    }

    /** What {@link #mayBlock} answers from now on (true, the default, until told otherwise). */
    public SinkConsumer<T> mayBlock(boolean answer) {
        this.mayBlock = answer;
        return this;
    }

    @Override
    public boolean mayBlock() {
        return mayBlock;
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        ConsumerException error = failWith;
        if (error != null) {
            throw error;
        }
        synchronized (this) {
            received.add(data);
            contexts.add(context);
            threads.add(Thread.currentThread().getName());
            notifyAll();
        }
    }

    @Override
    public boolean mutatesData() {
        return mutates;
    }

    public synchronized List<T> received() {
        return List.copyOf(received);
    }

    public synchronized List<RequestContext> contexts() {
        return List.copyOf(contexts);
    }

    /** The name of the thread each accepted call ran on. */
    public synchronized List<String> threads() {
        return List.copyOf(threads);
    }

    public synchronized int batchCount() {
        return received.size();
    }

    public synchronized int itemCount() {
        return received.stream().mapToInt(Telemetry::itemCount).sum();
    }

    public synchronized void reset() {
        received.clear();
        contexts.clear();
        threads.clear();
    }

    /** Waits until {@code condition} holds or the timeout passes; returns whether it held. */
    public boolean await(BooleanSupplier condition, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
