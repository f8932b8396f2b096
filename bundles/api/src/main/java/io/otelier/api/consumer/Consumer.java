package io.otelier.api.consumer;

import io.otelier.pdata.Telemetry;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives telemetry synchronously. Returning normally means the data was accepted (for an exporter with a
 * queue: enqueued). Throwing {@link ConsumerException} refuses it; its {@link ConsumerException#isPermanent()}
 * tells callers whether retrying can help.
 *
 * <p>Data passed in may be shared with other consumers and then is read-only: a consumer that changes it
 * must say so through {@link #mutatesData()}, and the runtime hands it a private copy.
 */
@ConsumerType
public interface Consumer<T extends Telemetry> {

    void consume(RequestContext context, T data) throws ConsumerException;

    /** True when this consumer modifies the data it is given (upstream's consumer.Capabilities). */
    default boolean mutatesData() {
        return false;
    }
}
