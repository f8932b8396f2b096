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

    /**
     * True when {@link #consume} may wait for something other than this process's CPU: network or disk I/O, a
     * full queue, a pipeline being rebuilt. A receiver that reads requests on an I/O event loop calls a consumer
     * that says false right there, and hands calls to one that says true to a worker thread, so that one slow
     * export cannot stall every connection of that loop. The answer may change while the collector runs (a
     * reload rebuilds pipelines), so callers ask per call. True, the safe answer, unless a consumer knows better;
     * consumers that only pass data on answer for what they pass it to.
     */
    default boolean mayBlock() {
        return true;
    }
}
