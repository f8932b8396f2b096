package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.pdata.Telemetry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.DoubleSupplier;

/**
 * Retries retryable failures with exponential backoff and jitter (upstream's retrySender, v0.165):
 * <ul>
 * <li>a permanent failure is never retried: "not retryable error: …", still permanent;</li>
 * <li>a server's throttling hint ({@link RetryableException#retryAfter()}) lengthens the wait to at least
 *     that long;</li>
 * <li>when the next attempt would start after {@code max_elapsed_time} (counted from the first attempt) it
 *     gives up: "no more retries left: …", retryable;</li>
 * <li>{@link #stop()} ends every wait at once: "interrupted due to shutdown: …". After it, a failed attempt
 *     is not retried, so a draining queue tries each remaining request once, as upstream's does.</li>
 * </ul>
 */
public final class RetryStage<T extends Telemetry> implements Stage<T> {

    static final String WILL_RETRY = "Exporting failed. Will retry the request after interval.";

    private final Stage<T> next;
    private final RetrySettings settings;
    private final Logger log;
    private final RetryClock clock;
    private final DoubleSupplier random;
    private final CountDownLatch stop = new CountDownLatch(1);

    public RetryStage(Stage<T> next, RetrySettings settings, Logger log, RetryClock clock, DoubleSupplier random) {
        this.next = next;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        this.random = random;
    }

    /** Ends current waits and stops retrying; cannot be undone. */
    public void stop() {
        stop.countDown();
    }

    public boolean isStopped() {
        return stop.getCount() == 0;
    }

    @Override
    public void send(RequestContext context, T data) throws ConsumerException {
        ExponentialBackoff backoff = new ExponentialBackoff(nanos(settings.initialInterval()),
                settings.randomizationFactor(), settings.multiplier(), nanos(settings.maxInterval()), random);
        long maxElapsed = nanos(settings.maxElapsedTime());
        long start = clock.nanoTime();
        while (true) {
            ConsumerException failure;
            try {
                next.send(context, data);
                return;
            } catch (ConsumerException e) {
                failure = e;
            }
            if (failure.isPermanent()) {
                throw new PermanentException("not retryable error: " + failure.getMessage(), failure);
            }
            long delay = backoff.nextNanos();
            if (failure instanceof RetryableException retryable && retryable.retryAfter().isPresent()) {
                delay = Math.max(delay, nanos(retryable.retryAfter().get()));
            }
            if (isStopped()) {
                throw new ShutdownInterruption(failure);
            }
            if (maxElapsed > 0 && delay > maxElapsed - (clock.nanoTime() - start)) {
                throw new RetryableException("no more retries left: " + failure.getMessage(), failure);
            }
            log.log(Level.INFO, WILL_RETRY, failure, "interval", GoDurations.format(delay));
            if (!waitFor(delay)) {
                throw new ShutdownInterruption(failure);
            }
        }
    }

    private boolean waitFor(long delay) {
        try {
            return clock.sleep(delay, stop);
        } catch (InterruptedException e) {
            // an interrupted consumer thread is being torn down: treat it as a shutdown
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Nanoseconds, saturated: configs allow durations beyond a long's worth of nanoseconds. */
    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
