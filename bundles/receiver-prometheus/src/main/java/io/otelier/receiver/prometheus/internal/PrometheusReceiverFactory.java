package io.otelier.receiver.prometheus.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.pdata.Metrics;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code prometheus} receiver (upstream receiver/prometheusreceiver v0.165.1: beta for metrics). The
 * embedded Prometheus config is checked by the config itself, key by key; the receiver's own keys that this
 * distribution does not implement are listed here.
 */
@Component(service = ReceiverFactory.class)
public final class PrometheusReceiverFactory implements ReceiverFactory<PrometheusReceiverConfig> {

    static final String TYPE = "prometheus";

    private static final Set<String> UNSUPPORTED_KEYS = Set.of("target_allocator", "api_server");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<PrometheusReceiverConfig> configClass() {
        return PrometheusReceiverConfig.class;
    }

    @Override
    public PrometheusReceiverConfig createDefaultConfig() {
        return PrometheusReceiverConfig.defaults();
    }

    @Override
    public Set<String> unsupportedKeys() {
        return UNSUPPORTED_KEYS;
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.METRICS, Stability.BETA);
    }

    @Override
    public Receiver createMetrics(CreateSettings settings, PrometheusReceiverConfig config, Consumer<Metrics> next) {
        return new PrometheusReceiver(settings, config, next);
    }
}
