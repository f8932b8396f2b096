package io.otelier.connector.forward.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.connector.Connector;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.consumer.Consumer;
import io.otelier.pdata.Telemetry;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code forward} connector (upstream connector/forwardconnector v0.165: beta for traces_to_traces,
 * metrics_to_metrics and logs_to_logs). It joins pipelines of one signal, e.g. to process the same data in
 * two ways.
 */
@Component(service = ConnectorFactory.class)
public final class ForwardConnectorFactory implements ConnectorFactory<ForwardConnectorConfig> {

    static final String TYPE = "forward";

    private static final Map<SignalPair, Stability> PAIRS = Map.of(
            SignalPair.of(Signal.TRACES, Signal.TRACES), Stability.BETA,
            SignalPair.of(Signal.METRICS, Signal.METRICS), Stability.BETA,
            SignalPair.of(Signal.LOGS, Signal.LOGS), Stability.BETA);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<ForwardConnectorConfig> configClass() {
        return ForwardConnectorConfig.class;
    }

    @Override
    public ForwardConnectorConfig createDefaultConfig() {
        return new ForwardConnectorConfig();
    }

    @Override
    public Map<SignalPair, Stability> signalPairs() {
        return PAIRS;
    }

    /**
     * Only same-signal pairs exist, so the input and output data types are one type; the runtime asks for
     * nothing outside {@link #signalPairs()}, and anything else is a programming error.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I extends Telemetry, O extends Telemetry> Connector<I> create(SignalPair pair, CreateSettings settings,
            ForwardConnectorConfig config, Consumer<O> next) {
        if (!PAIRS.containsKey(pair)) {
            throw new IllegalArgumentException(TYPE + " connector does not support " + pair);
        }
        return new ForwardConnector<>((Consumer<I>) next);
    }
}
