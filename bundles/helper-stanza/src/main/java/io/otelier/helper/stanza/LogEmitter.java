package io.otelier.helper.stanza;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Batches entries leaving a pipeline towards the receiver (upstream {@code helper.BatchingLogEmitter}): a
 * batch goes out when it reaches {@code maxBatchSize} (on the caller's thread) or every
 * {@code flushInterval} (on the emitter's timer thread), and on {@link #stop()}.
 */
public final class LogEmitter implements EntrySink {

    /** Upstream's defaults. */
    public static final int DEFAULT_MAX_BATCH_SIZE = 100;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);

    private final Consumer<List<Entry>> consumer;
    private final int maxBatchSize;
    private final Duration flushInterval;
    private final String threadName;
    private final Object lock = new Object();
    private List<Entry> batch;
    private ScheduledExecutorService timer;

    public LogEmitter(Consumer<List<Entry>> consumer) {
        this(consumer, DEFAULT_MAX_BATCH_SIZE, DEFAULT_FLUSH_INTERVAL, "stanza-emitter");
    }

    public LogEmitter(Consumer<List<Entry>> consumer, int maxBatchSize, Duration flushInterval, String threadName) {
        if (maxBatchSize <= 0) {
            throw new IllegalArgumentException("maxBatchSize must be positive");
        }
        if (flushInterval.isZero() || flushInterval.isNegative()) {
            throw new IllegalArgumentException("flushInterval must be positive");
        }
        this.consumer = consumer;
        this.maxBatchSize = maxBatchSize;
        this.flushInterval = flushInterval;
        this.threadName = threadName;
        this.batch = new ArrayList<>(maxBatchSize);
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long nanos = flushInterval.toNanos();
        timer.scheduleWithFixedDelay(this::flush, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops the timer and hands over what is left. */
    public void stop() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    @Override
    public void accept(Entry entry) {
        List<Entry> full = null;
        synchronized (lock) {
            batch.add(entry);
            if (batch.size() >= maxBatchSize) {
                full = batch;
                batch = new ArrayList<>(maxBatchSize);
            }
        }
        if (full != null) {
            consumer.accept(full);
        }
    }

    /** Hands over the current batch now, if any. */
    public void flush() {
        List<Entry> out;
        synchronized (lock) {
            if (batch.isEmpty()) {
                return;
            }
            out = batch;
            batch = new ArrayList<>(maxBatchSize);
        }
        consumer.accept(out);
    }
}
