package io.otelier.api.processor;

import io.otelier.api.component.Component;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import org.osgi.annotation.versioning.ConsumerType;

/** A pipeline stage: consumes data and passes (possibly changed) data to the next consumer. */
@ConsumerType
public interface Processor<T extends Telemetry> extends Component, Consumer<T> {
}
