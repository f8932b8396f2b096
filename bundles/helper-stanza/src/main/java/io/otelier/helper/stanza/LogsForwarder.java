package io.otelier.helper.stanza;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Logs;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The receiver end of the adapter (upstream {@code adapter.receiver.consumeEntries} with
 * {@code consumerretry}): converts each batch to {@link Logs} and hands it to the next consumer, retrying
 * refusals per {@code retry_on_failure}. Failures are logged, never thrown, as upstream.
 */
public final class LogsForwarder implements java.util.function.Consumer<List<Entry>> {

    private static final double RANDOMIZATION_FACTOR = 0.5;
    private static final double MULTIPLIER = 1.5;

    private final Consumer<Logs> next;
    private final RetryOnFailure retry;
    private final Logger logger;
    private final String scopeName;
    private final String scopeVersion;
    private final RequestContext context;
    private volatile boolean stopped;

    /**
     * @param scopeName the receiver's scope name for entries without one (upstream: its metadata scope name,
     *     else {@link EntryConverter#DEFAULT_SCOPE_NAME})
     * @param scopeVersion the collector version (upstream: build info version)
     */
    public LogsForwarder(Consumer<Logs> next, RetryOnFailure retry, Logger logger, String scopeName,
            String scopeVersion, RequestContext context) {
        this.next = next;
        this.retry = retry == null ? RetryOnFailure.defaults() : retry;
        this.logger = logger;
        this.scopeName = scopeName;
        this.scopeVersion = scopeVersion;
        this.context = context == null ? RequestContext.EMPTY : context;
    }

    /** Ends retries in progress (at receiver shutdown). */
    public void stop() {
        stopped = true;
    }

    @Override
    public void accept(List<Entry> entries) {
        Logs logs = EntryConverter.convert(entries, scopeName, scopeVersion);
        try {
            send(logs);
        } catch (ConsumerException e) {
            logger.error("ConsumeLogs() failed", e, "error", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Logs logs) throws ConsumerException, InterruptedException {
        if (!retry.enabled()) {
            try {
                next.consume(context, logs);
            } catch (ConsumerException e) {
                logger.error("ConsumeLogs() failed. Enable retry_on_failure to slow down reading logs and avoid "
                        + "dropping.", e, "error", String.valueOf(e.getMessage()));
                throw e;
            }
            return;
        }
        long start = System.nanoTime();
        double interval = retry.initialInterval().toNanos();
        while (true) {
            try {
                next.consume(context, logs);
                return;
            } catch (ConsumerException e) {
                if (e.isPermanent()) {
                    logger.error("ConsumeLogs() failed. The error is not retryable. Dropping data.", e,
                            "error", String.valueOf(e.getMessage()), "dropped_items", logs.logRecordCount());
                    throw e;
                }
                double delta = RANDOMIZATION_FACTOR * interval;
                long delay = (long) (interval - delta + ThreadLocalRandom.current().nextDouble() * (2 * delta + 1));
                long elapsed = System.nanoTime() - start;
                long maxElapsed = retry.maxElapsedTime().toNanos();
                if (stopped || (maxElapsed > 0 && elapsed + delay > maxElapsed)) {
                    logger.error("Max elapsed time expired. Dropping data.", e, "error", String.valueOf(e.getMessage()),
                            "dropped_items", logs.logRecordCount());
                    throw e;
                }
                logger.debug("ConsumeLogs() failed. Will retry the request after interval.", "error",
                        String.valueOf(e.getMessage()), "interval", java.time.Duration.ofNanos(delay).toString(),
                        "logs_count", logs.logRecordCount());
                sleep(delay);
                interval = Math.min(interval * MULTIPLIER, retry.maxInterval().toNanos());
            }
        }
    }

    private void sleep(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (!stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(left / 1_000_000 + 1, 100));
        }
    }
}
