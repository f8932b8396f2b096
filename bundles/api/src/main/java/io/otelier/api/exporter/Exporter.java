package io.otelier.api.exporter;

import io.otelier.api.component.Component;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import org.osgi.annotation.versioning.ConsumerType;

/** The end of a pipeline: sends data out of the collector. */
@ConsumerType
public interface Exporter<T extends Telemetry> extends Component, Consumer<T> {
}
