package io.otelier.api.receiver;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates receivers. The runtime creates one instance per (signal, id); a receiver that serves several
 * signals on one socket shares its server between those instances itself. Only the signals listed in
 * {@link #signals()} are ever asked for.
 */
@ConsumerType
public interface ReceiverFactory<C extends ComponentConfig> extends Factory<C> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.RECEIVER;
    }

    /** Supported signals with their stability. */
    Map<Signal, Stability> signals();

    default Receiver createTraces(CreateSettings settings, C config, Consumer<Traces> next) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support traces");
    }

    default Receiver createMetrics(CreateSettings settings, C config, Consumer<Metrics> next) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support metrics");
    }

    default Receiver createLogs(CreateSettings settings, C config, Consumer<Logs> next) throws Exception {
        throw new UnsupportedOperationException(type() + " does not support logs");
    }
}
