package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.exporter.QueueStorage;
import io.otelier.helper.exporter.QueuedRequest;
import io.otelier.pdata.Telemetry;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

/**
 * A bounded queue of requests over a {@link QueueStorage} (upstream's memoryQueue, v0.165). Capacity is
 * counted in the sizer's unit and a request keeps its share until it is {@link #done done}, so requests being
 * sent count against {@code queue_size} as upstream's do. A full queue refuses ("sending queue is full") or,
 * with block-on-overflow, makes the caller wait. An empty request (size 0 under the items or bytes sizer) is
 * accepted and dropped, as upstream ignores empty envelopes.
 */
public final class SendingQueue<T extends Telemetry> {

    public static final String QUEUE_IS_FULL = "sending queue is full";
    static final String SIZE_TOO_LARGE = "element size too large";
    static final String INVALID_SIZE = "invalid element size";
    static final String STOPPED = "sending queue is stopped";

    /** How consumers finish after {@link #stop}. */
    public enum StopMode {
        /** Consumers empty the queue, then exit. */
        DRAIN,
        /** Consumers exit after their current request; the rest stays in the storage for a successor. */
        RETAIN
    }

    /** A request a consumer took, with the capacity it holds until {@link #done}. */
    public record Taken<T extends Telemetry>(QueuedRequest<T> request, long size) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition hasSpace = lock.newCondition();
    private final ToLongFunction<? super T> sizer;
    private final long capacity;
    private final boolean blockOnOverflow;
    private final boolean waitForResult;
    private final Map<QueuedRequest<T>, CompletableFuture<ConsumerException>> waiters = new IdentityHashMap<>();
    private QueueStorage<T> storage;
    private long used;
    private StopMode stopped;

    public SendingQueue(QueueStorage<T> storage, ToLongFunction<? super T> sizer, long capacity,
            boolean blockOnOverflow, boolean waitForResult) {
        this.storage = storage;
        this.sizer = sizer;
        this.capacity = capacity;
        this.blockOnOverflow = blockOnOverflow;
        this.waitForResult = waitForResult;
        this.used = measure(storage);
    }

    /**
     * Enqueues a request.
     *
     * @return with wait-for-result, the future outcome of the send (null on success); otherwise null
     * @throws ConsumerException (retryable) when the queue refuses the request
     */
    public CompletableFuture<ConsumerException> offer(RequestContext context, T data) throws ConsumerException {
        long size = sizer.applyAsLong(data);
        if (size == 0) {
            return null;
        }
        if (size < 0) {
            throw new RetryableException(INVALID_SIZE);
        }
        if (size > capacity) {
            throw new RetryableException(SIZE_TOO_LARGE);
        }
        QueuedRequest<T> request = new QueuedRequest<>(context, data);
        CompletableFuture<ConsumerException> result = waitForResult ? new CompletableFuture<>() : null;
        lock.lock();
        try {
            while (stopped == null && used + size > capacity) {
                if (!blockOnOverflow) {
                    throw new RetryableException(QUEUE_IS_FULL);
                }
                awaitSpace();
            }
            if (stopped != null) {
                throw new RetryableException(STOPPED);
            }
            storage.add(request);
            used += size;
            if (result != null) {
                waiters.put(request, result);
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return result;
    }

    private void awaitSpace() throws RetryableException {
        try {
            hasSpace.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("interrupted while waiting for space in the sending queue", e);
        }
    }

    /**
     * The next request to send, waiting for one while the queue runs.
     *
     * @return null when the consumer should exit: stopped and drained, or stopped for a hand-over
     */
    public Taken<T> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (stopped == StopMode.RETAIN) {
                    return null;
                }
                QueuedRequest<T> request = storage.poll();
                if (request != null) {
                    return new Taken<>(request, sizer.applyAsLong(request.data()));
                }
                if (stopped == StopMode.DRAIN) {
                    return null;
                }
                notEmpty.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A taken request is finished with; frees its capacity and tells a waiting caller the outcome (null: sent). */
    public void done(Taken<T> taken, ConsumerException outcome) {
        CompletableFuture<ConsumerException> waiter;
        lock.lock();
        try {
            used -= taken.size();
            storage.done(taken.request());
            waiter = waiters.remove(taken.request());
            hasSpace.signalAll();
        } finally {
            lock.unlock();
        }
        if (waiter != null) {
            waiter.complete(outcome);
        }
    }

    /** A taken request goes back to the head unsent; it keeps its capacity. */
    public void putBack(Taken<T> taken) {
        lock.lock();
        try {
            storage.putBack(taken.request());
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Switches to another storage (one handed over from a previous instance, or a persistent one) before the
     * consumers start: what this queue already holds is appended to it, and the size is measured anew with
     * this queue's sizer, which may differ from the one that filled it.
     */
    public void adopt(QueueStorage<T> other) {
        lock.lock();
        try {
            for (QueuedRequest<T> r = storage.poll(); r != null; r = storage.poll()) {
                other.add(r);
                storage.done(r);
            }
            storage.close();
            storage = other;
            used = measure(other);
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting requests and wakes everyone; a hand-over (RETAIN) wins over a drain. */
    public void stop(StopMode mode) {
        lock.lock();
        try {
            if (stopped == null || mode == StopMode.RETAIN) {
                stopped = mode;
            }
            notEmpty.signalAll();
            hasSpace.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isRetaining() {
        lock.lock();
        try {
            return stopped == StopMode.RETAIN;
        } finally {
            lock.unlock();
        }
    }

    /** The storage, for hand-over or closing once the consumers are gone. */
    public QueueStorage<T> storage() {
        lock.lock();
        try {
            return storage;
        } finally {
            lock.unlock();
        }
    }

    /** Used capacity: queued requests and those being sent. */
    public long size() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    public long capacity() {
        return capacity;
    }

    private long measure(QueueStorage<T> s) {
        long[] total = {0};
        s.forEach(r -> total[0] += sizer.applyAsLong(r.data()));
        return total[0];
    }
}
