package io.otelier.connector.forward.internal;

import io.otelier.api.connector.Connector;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;
import java.util.Objects;

/**
 * Hands every batch, with its request context, to the pipelines it feeds, as it is: no copy, no change. A
 * refusal downstream is the caller's refusal, so errors pass back unchanged.
 */
final class ForwardConnector<T extends Telemetry> implements Connector<T> {

    private final Consumer<T> next;

    ForwardConnector(Consumer<T> next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        next.consume(context, data);
    }

    /** The data goes on untouched (upstream: MutatesData false), so shared read-only data needs no copy here. */
    @Override
    public boolean mutatesData() {
        return false;
    }

    /** Calls into the next consumer on the caller's thread, so it may wait exactly when that one may. */
    @Override
    public boolean mayBlock() {
        return next.mayBlock();
    }
}
