package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.exporter.Sender;
import io.otelier.pdata.Telemetry;
import java.time.Duration;
import java.util.Objects;

/**
 * The last stage (upstream's timeoutSender): gives every attempt the full configured timeout, retries
 * included, and calls the exporter's sender. It is also the boundary with exporter code, so an unexpected
 * runtime exception becomes a retryable failure here instead of killing a queue consumer.
 */
public final class TimeoutStage<T extends Telemetry> implements Stage<T> {

    private final Sender<T> sender;
    private final Duration timeout;

    /** A zero timeout means none: the sender gets null. */
    public TimeoutStage(Sender<T> sender, Duration timeout) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.timeout = timeout == null || timeout.isZero() ? null : timeout;
    }

    @Override
    public void send(RequestContext context, T data) throws ConsumerException {
        try {
            sender.send(context, data, timeout);
        } catch (RuntimeException e) {
            throw new RetryableException("internal error: " + e, e);
        }
    }
}
