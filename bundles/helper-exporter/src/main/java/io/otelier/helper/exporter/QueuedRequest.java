package io.otelier.helper.exporter;

import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;
import java.util.Objects;

/** One request waiting in a sending queue: the data and the context it arrived with. */
public record QueuedRequest<T extends Telemetry>(RequestContext context, T data) {

    public QueuedRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(data, "data");
    }
}
