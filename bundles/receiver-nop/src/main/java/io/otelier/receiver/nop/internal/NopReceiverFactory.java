package io.otelier.receiver.nop.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** The {@code nop} receiver (upstream receiver/nopreceiver v0.165: beta for traces, metrics and logs). */
@Component(service = ReceiverFactory.class)
public final class NopReceiverFactory implements ReceiverFactory<NopReceiverConfig> {

    static final String TYPE = "nop";

    private static final Map<Signal, Stability> SIGNALS = Map.of(
            Signal.TRACES, Stability.BETA,
            Signal.METRICS, Stability.BETA,
            Signal.LOGS, Stability.BETA);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<NopReceiverConfig> configClass() {
        return NopReceiverConfig.class;
    }

    @Override
    public NopReceiverConfig createDefaultConfig() {
        return new NopReceiverConfig();
    }

    @Override
    public Map<Signal, Stability> signals() {
        return SIGNALS;
    }

    @Override
    public Receiver createTraces(CreateSettings settings, NopReceiverConfig config, Consumer<Traces> next) {
        return new NopReceiver();
    }

    @Override
    public Receiver createMetrics(CreateSettings settings, NopReceiverConfig config, Consumer<Metrics> next) {
        return new NopReceiver();
    }

    @Override
    public Receiver createLogs(CreateSettings settings, NopReceiverConfig config, Consumer<Logs> next) {
        return new NopReceiver();
    }
}
