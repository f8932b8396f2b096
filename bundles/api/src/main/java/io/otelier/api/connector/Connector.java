package io.otelier.api.connector;

import io.otelier.api.component.Component;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import org.osgi.annotation.versioning.ConsumerType;

/** Consumes data of type {@code T} at the end of one pipeline and emits into the pipelines it feeds. */
@ConsumerType
public interface Connector<T extends Telemetry> extends Component, Consumer<T> {
}
