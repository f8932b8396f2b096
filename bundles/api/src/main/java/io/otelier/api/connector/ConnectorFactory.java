package io.otelier.api.connector;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Factory;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates connectors, one instance per (id, signal pair). {@code next} fans out to every pipeline of
 * signal {@code pair.to()} that lists the connector as a receiver. Only pairs in {@link #signalPairs()}
 * are asked for; the runtime guarantees {@code next} consumes {@code pair.to()}'s data type.
 */
@ConsumerType
public interface ConnectorFactory<C extends ComponentConfig> extends Factory<C> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.CONNECTOR;
    }

    Map<SignalPair, Stability> signalPairs();

    /**
     * @param <I> data type of {@code pair.from()}
     * @param <O> data type of {@code pair.to()}
     */
    <I extends Telemetry, O extends Telemetry> Connector<I> create(SignalPair pair, CreateSettings settings, C config,
            Consumer<O> next) throws Exception;
}
