package io.otelier.runtime.internal.graph;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;

/**
 * What a receiver or connector instance pushes into: the fan-out to the gates of the pipelines it feeds. A
 * reload that adds or removes such a pipeline points it at a new fan-out while the instance keeps running.
 */
final class SwitchableConsumer<T extends Telemetry> implements Consumer<T> {

    private volatile Consumer<T> target;

    SwitchableConsumer(Consumer<T> target) {
        this.target = target;
    }

    void switchTo(Consumer<T> next) {
        target = next;
    }

    @Override
    public void consume(RequestContext context, T data) throws ConsumerException {
        target.consume(context, data);
    }

    @Override
    public boolean mutatesData() {
        return target.mutatesData();
    }

    @Override
    public boolean mayBlock() {
        return target.mayBlock();
    }
}
