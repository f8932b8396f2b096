package io.otelier.receiver.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Metrics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one {@link ScrapeLoop} on its own thread at the target's interval. The first scrape waits for the
 * target's offset within the interval (a hash of the target, as Prometheus spreads its scrapes) plus the
 * receiver's initial offset; missed ticks are skipped, never queued. Stopping can add a final scrape
 * ({@code scrape_on_shutdown}) or staleness markers (a target that disappeared).
 */
final class TargetRunner {

    private final ScrapeLoop loop;
    private final ScrapeLoop.Sink sink;
    private final Logger logger;
    private final long initialDelayNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean stopping;
    private boolean finalScrape;
    private boolean staleMarkers;
    private Thread thread;

    TargetRunner(ScrapeLoop loop, ScrapeLoop.Sink sink, Logger logger, long initialDelayNanos) {
        this.loop = loop;
        this.sink = sink;
        this.logger = logger;
        this.initialDelayNanos = initialDelayNanos;
    }

    ScrapeLoop loop() {
        return loop;
    }

    /** Prometheus's offset: the target's hash spread over the interval, counted from the next interval start. */
    static long offsetNanos(ScrapeTarget target, long seed, long nowMillis) {
        long interval = target.interval().toNanos();
        long now = TimeUnit.MILLISECONDS.toNanos(nowMillis);
        long base = interval - Math.floorMod(now, interval);
        long hash = (target.labels().hashCode() * 31L + target.url().hashCode()) ^ seed;
        long offset = Math.floorMod(hash, interval);
        long next = base + offset;
        return next > interval ? next - interval : next;
    }

    void start(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops and waits for the thread (a scrape in progress is bounded by its timeout). */
    void stop(boolean withFinalScrape, boolean withStaleMarkers) throws InterruptedException {
        requestStop(withFinalScrape, withStaleMarkers);
        awaitStopped();
    }

    /** Asks the loop to end after its current scrape, so several runners can wind down together. */
    void requestStop(boolean withFinalScrape, boolean withStaleMarkers) {
        lock.lock();
        try {
            stopping = true;
            finalScrape = withFinalScrape;
            staleMarkers = withStaleMarkers;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void awaitStopped() throws InterruptedException {
        if (thread != null) {
            thread.join(loop.target().timeout().toMillis() * 2 + 5000);
        }
    }

    private void run() {
        long interval = loop.target().interval().toNanos();
        long next = System.nanoTime() + initialDelayNanos;
        while (waitUntil(next)) {
            deliver(loop.scrape(System.currentTimeMillis()));
            long now = System.nanoTime();
            next += interval;
            if (next <= now) {
                next += ((now - next) / interval + 1) * interval; // skip missed ticks
            }
        }
        if (finalScrape) {
            deliver(loop.scrape(System.currentTimeMillis()));
        }
        if (staleMarkers) {
            deliver(loop.staleMarkers(System.currentTimeMillis()));
        }
    }

    /** @return false when stopping */
    private boolean waitUntil(long deadline) {
        lock.lock();
        try {
            while (!stopping) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return true;
                }
                try {
                    wake.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(Metrics metrics) {
        if (metrics.dataPointCount() == 0) {
            return;
        }
        try {
            sink.accept(metrics);
        } catch (Exception e) {
            logger.error("Scrape commit failed", e, "target", loop.target().url().toString());
        }
    }
}
