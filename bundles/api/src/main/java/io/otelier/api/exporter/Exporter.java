package io.otelier.api.exporter;

import io.otelier.api.component.Component;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import org.osgi.annotation.versioning.ConsumerType;

/** The end of a pipeline: sends data out of the collector. */
@ConsumerType
public interface Exporter<T extends Telemetry> extends Component, Consumer<T> {

    /**
     * True when this exporter reports sent / send-failed items itself through
     * {@link io.otelier.api.telemetry.ObsReport} (because it sends after {@code consume} returns, from a
     * queue); the runtime then does not count at its input, so nothing is counted twice.
     */
    default boolean reportsSends() {
        return false;
    }
}
