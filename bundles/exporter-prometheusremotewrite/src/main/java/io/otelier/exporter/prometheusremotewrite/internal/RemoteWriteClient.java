package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.http.ConfiguredHttpClient;
import io.otelier.helper.http.HttpResult;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * POSTs one write request, retrying as upstream's {@code execute} does: the exporter retries each request itself
 * with {@code retry_on_failure}'s backoff (the exporter helper's retry stays off), 2xx is success, 5xx, 429 and
 * connection errors are retried, other 4xx are permanent. Retrying 429 is deliberate: the remote-write 1.0 spec
 * lets senders retry it and a throttling Prometheus should slow us down, not lose data (upstream retries 429 only
 * behind its alpha {@code RetryOn429} gate). Retries stop when the exporter shuts down. Thread-safe.
 */
final class RemoteWriteClient {

    static final String CONTENT_TYPE = "application/x-protobuf";
    static final String REMOTE_WRITE_VERSION = "0.1.0";
    private static final int ERROR_BODY_LIMIT = 1024;

    /** A 4xx that rejects this payload (so the WAL drops it) rather than every request. */
    static final class PayloadRejectedException extends PermanentException {
        final int status;
        /** How many requests were rejected, and the samples they held (set by the exporter). */
        final int requests;
        final long samples;

        PayloadRejectedException(String message, int status) {
            this(message, status, 1, 0);
        }

        PayloadRejectedException(String message, int status, int requests, long samples) {
            super(message);
            this.status = status;
            this.requests = requests;
            this.samples = samples;
        }
    }

    private final ConfiguredHttpClient client;
    private final URI url;
    private final Map<String, String> headers;
    private final RetrySettings retry;
    private final Logger log;
    private final Runnable onAttempt;
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** @param onAttempt called after each HTTP attempt, whatever its outcome ({@code sent_batches}) */
    RemoteWriteClient(ConfiguredHttpClient client, URI url, String userAgent, RetrySettings retry, Logger log,
            Runnable onAttempt) {
        this.client = client;
        this.url = url;
        // upstream sets these itself, after the configured headers of its client
        this.headers = Map.of("Content-Encoding", "snappy", "User-Agent", userAgent,
                "X-Prometheus-Remote-Write-Version", REMOTE_WRITE_VERSION);
        this.retry = retry;
        this.log = log;
        this.onAttempt = onAttempt;
    }

    /** Makes requests in flight give up retrying: from now on each is attempted once. */
    void stopRetries() {
        stopping.countDown();
    }

    boolean retriesStopped() {
        return stopping.getCount() == 0;
    }

    /** Sends a snappy-compressed write request, retrying while that can help. */
    void send(byte[] compressed) throws ConsumerException {
        long start = System.nanoTime();
        double interval = retry.initialInterval().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                execute(compressed, attempt);
                return;
            } catch (PermanentException e) {
                throw e;
            } catch (RetryableException e) {
                if (!retry.enabled() || retriesStopped()) {
                    throw e;
                }
                double r = retry.randomizationFactor();
                long next = (long) (interval * (1 - r + 2 * r * ThreadLocalRandom.current().nextDouble()));
                long maxElapsed = retry.maxElapsedTime().toNanos();
                if (maxElapsed > 0 && System.nanoTime() - start + next > maxElapsed) {
                    throw new RetryableException("retry_on_failure.max_elapsed_time (" + retry.maxElapsedTime()
                            + ") exceeded: " + e.getMessage(), e);
                }
                log.debug("remote write request failed, retrying", "error", e.getMessage(), "retry_in",
                        java.time.Duration.ofNanos(next).toString());
                interval = Math.min(interval * retry.multiplier(), retry.maxInterval().toNanos());
                try {
                    if (stopping.await(next, TimeUnit.NANOSECONDS)) {
                        throw e;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void execute(byte[] body, int attempt) throws ConsumerException {
        HttpResult result;
        try {
            result = client.send("POST", url, CONTENT_TYPE, body, headers);
            onAttempt.run();
        } catch (IOException e) {
            onAttempt.run();
            throw new RetryableException("Post \"" + url + "\": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PermanentException("Post \"" + url + "\": interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new PermanentException("Post \"" + url + "\": " + e.getMessage(), e);
        }
        int status = result.status();
        if (status >= 200 && status < 300) {
            log.debug("remote write request successful", "status_code", status, "endpoint", url.toString());
            return;
        }
        byte[] answer = result.body() == null ? new byte[0] : result.body();
        log.error("failed to send WriteRequest to remote endpoint", null, "status_code", status, "endpoint",
                url.toString(), "retry_attempt", attempt, "error", new String(Arrays.copyOf(answer,
                        Math.min(answer.length, ERROR_BODY_LIMIT)), StandardCharsets.UTF_8));
        String message = "remote write request failed (HTTP " + status + ")";
        if (status >= 500 && status < 600 || status == 429) {
            throw new RetryableException(message);
        }
        if (status == 400 || status == 409 || status == 413 || status == 422) {
            throw new PayloadRejectedException(message, status);
        }
        throw new PermanentException(message);
    }
}
