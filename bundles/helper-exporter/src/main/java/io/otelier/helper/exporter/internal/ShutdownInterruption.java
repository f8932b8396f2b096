package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RetryableException;

/**
 * A retryable failure whose retries a shutdown cut off (upstream's {@code experr.shutdownErr}). When the queue
 * is being handed over, the request goes back into the queue instead of being dropped.
 */
public final class ShutdownInterruption extends RetryableException {

    private static final long serialVersionUID = 1L;

    public ShutdownInterruption(ConsumerException cause) {
        super("interrupted due to shutdown: " + cause.getMessage(), cause);
    }
}
