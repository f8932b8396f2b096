package io.otelier.processor.batch.internal;

import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One batcher: the pending items of one metadata combination and the thread that sends them (upstream's
 * shard). Senders add items under the lock and return; the thread cuts batches and exports them with the
 * lock released, so slow exports never hold up the next add. A sender waits only while a full batch is
 * waiting for the thread (the back-pressure upstream gets from its bounded channel).
 *
 * <p>When batches go out, as upstream:
 * <ul>
 *   <li>as soon as the pending items reach {@code send_batch_size}, at most {@code send_batch_max_size} at a
 *       time, again while the rest still reaches {@code send_batch_size}; this restarts the timer;</li>
 *   <li>when the timer fires ({@code timeout} after the last send or tick), one batch of what is pending;</li>
 *   <li>without a timer ({@code timeout} or {@code send_batch_size} 0), everything at once, split by max;</li>
 *   <li>at close, everything left.</li>
 * </ul>
 */
final class Shard<T extends Telemetry> {

    /** Why a batch went out; counted by upstream's trigger metrics. */
    enum Trigger { SIZE, TIMEOUT }

    /** Where batches go; implementations never throw. */
    interface Sender<T> {
        void send(RequestContext context, T batch, int items, Trigger trigger);
    }

    private final RequestContext context;
    private final int sendBatchSize;
    private final int sendBatchMaxSize;
    private final long timeoutNanos;
    private final boolean hasTimer;
    private final Sender<T> sender;
    private final PendingBatch<T> pending;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the thread may have something to do. */
    private final Condition work = lock.newCondition();
    /** Signalled when senders may add again. */
    private final Condition space = lock.newCondition();
    private final Thread thread;
    private boolean closing;
    private boolean closed;

    Shard(BatchSettings settings, SignalShape<T> shape, RequestContext context, Sender<T> sender,
            String threadName) {
        this.context = context;
        this.sendBatchSize = settings.sendBatchSize();
        this.sendBatchMaxSize = settings.sendBatchMaxSize();
        this.timeoutNanos = settings.timeout().toNanos();
        this.hasTimer = timeoutNanos > 0 && sendBatchSize > 0;
        this.sender = sender;
        this.pending = new PendingBatch<>(shape);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Creates a shard and starts its thread. */
    static <T extends Telemetry> Shard<T> start(BatchSettings settings, SignalShape<T> shape, RequestContext context,
            Sender<T> sender, String threadName) {
        Shard<T> shard = new Shard<>(settings, shape, context, sender, threadName);
        shard.thread.start();
        return shard;
    }

    /** The context batches of this shard are sent with (the metadata values that select it). */
    RequestContext context() {
        return context;
    }

    /**
     * Adds owned data to the pending items, waiting while a full batch is still waiting for the thread.
     *
     * @return false when the shard is closed and did not take the data
     */
    boolean add(T owned, int items) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && isDue()) {
                space.await();
            }
            if (closed) {
                return false;
            }
            pending.add(owned, items);
            if (isDue()) {
                work.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Sends everything pending, stops the thread and waits for it. */
    void close() throws InterruptedException {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        thread.join();
    }

    /** True when the pending items must go out now, without waiting for the timer. */
    private boolean isDue() {
        int count = pending.itemCount();
        return count > 0 && (!hasTimer || count >= sendBatchSize);
    }

    private void run() {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                if (isDue()) {
                    sendOne(Trigger.SIZE);
                    deadline = System.nanoTime() + timeoutNanos;
                } else if (closing) {
                    if (pending.itemCount() == 0) {
                        closed = true;
                        space.signalAll();
                        return;
                    }
                    sendOne(Trigger.TIMEOUT);
                } else if (!hasTimer) {
                    work.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        work.awaitNanos(left);
                        continue;
                    }
                    if (pending.itemCount() > 0) {
                        sendOne(Trigger.TIMEOUT);
                    }
                    deadline = System.nanoTime() + timeoutNanos;
                }
            }
        } catch (InterruptedException e) {
            // Only an outside interrupt gets here (close() never interrupts): send what is pending and stop.
            while (pending.itemCount() > 0) {
                sendOne(Trigger.TIMEOUT);
            }
            closed = true;
            space.signalAll();
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Cuts one batch and exports it with the lock released. Called with the lock held. */
    private void sendOne(Trigger trigger) {
        int before = pending.itemCount();
        T batch = pending.take(sendBatchMaxSize);
        int items = before - pending.itemCount();
        space.signalAll();
        lock.unlock();
        try {
            sender.send(context, batch, items, trigger);
        } finally {
            lock.lock();
        }
    }
}
