package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;

/** One link of the helper's chain (upstream's {@code sender.Sender}): handles a request and hands it on. */
@FunctionalInterface
public interface Stage<T extends Telemetry> {

    void send(RequestContext context, T data) throws ConsumerException;
}
