package io.otelier.processor.memorylimiter.internal;

import io.otelier.api.component.Host;
import io.otelier.api.component.StatusReporter;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.processor.Processor;
import io.otelier.pdata.Telemetry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pipeline's {@code memory_limiter}: refuses data with a retryable error while the shared
 * {@link MemoryLimiter} says the heap is above the soft limit, and passes it on untouched otherwise.
 */
final class MemoryLimiterProcessor<T extends Telemetry> implements Processor<T> {

    private final MemoryLimiter limiter;
    private final Consumer<T> next;
    private final StatusReporter status;
    private final ItemCounters counters;
    private final Runnable release;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * @param release called once, at shutdown, to give back this processor's share of the limiter
     */
    MemoryLimiterProcessor(MemoryLimiter limiter, Consumer<T> next, StatusReporter status, ItemCounters counters,
            Runnable release) {
        this.limiter = limiter;
        this.next = next;
        this.status = status;
        this.counters = counters;
        this.release = release;
    }

    @Override
    public void start(Host host) {
        if (started.compareAndSet(false, true)) {
            limiter.start(status);
        }
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        int items = data.itemCount();
        if (limiter.mustRefuse()) {
            counters.refused(items);
            throw new RetryableException(MemoryLimiter.DATA_REFUSED);
        }
        // counted as accepted even when the next consumer fails, like upstream
        counters.accepted(items);
        next.consume(context, data);
    }

    @Override
    public boolean mutatesData() {
        return false;
    }

    /** Calls into the next consumer on the caller's thread, so it may wait exactly when that one may. */
    @Override
    public boolean mayBlock() {
        return next.mayBlock();
    }

    /** The shared limiter this processor consults. */
    MemoryLimiter limiter() {
        return limiter;
    }

    @Override
    public void shutdown() throws InterruptedException {
        try {
            if (started.compareAndSet(true, false)) {
                limiter.stop(status);
            }
        } finally {
            if (released.compareAndSet(false, true)) {
                release.run();
            }
        }
    }
}
