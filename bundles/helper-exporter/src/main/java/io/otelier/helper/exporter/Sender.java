package io.otelier.helper.exporter;

import io.otelier.api.component.Component;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Telemetry;
import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an exporter implements: one attempt to send one request to its destination (upstream's push
 * function). The helper calls it from the queue's consumer threads, or from the caller's thread when the
 * queue is disabled, so it must be thread-safe. Its {@link Component} lifecycle is driven by the helped
 * exporter: {@code start} before the queue starts, {@code shutdown} after the queue has drained.
 */
@ConsumerType
public interface Sender<T extends Telemetry> extends Component {

    /**
     * Sends {@code data}, returning once the destination accepted it.
     *
     * @param timeout how long this attempt may take ({@code timeout} of the config), or null when the timeout
     *                is disabled ({@code timeout: 0}). The helper cannot cancel a call, so the sender enforces it
     *                (a gRPC deadline, an HTTP request timeout); running out of time is a retryable failure.
     * @throws RetryableException when a later attempt may succeed; its {@code retryAfter} (a server's throttling
     *                            hint such as gRPC RetryInfo or HTTP Retry-After) lengthens the next wait
     * @throws PermanentException when the same data will always fail: it is dropped without retrying
     */
    void send(RequestContext context, T data, Duration timeout) throws ConsumerException;
}
