package io.otelier.receiver.otlp.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.helper.grpc.GrpcServerSettings;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code otlp} receiver (upstream receiver/otlpreceiver v0.165: stable for traces, metrics and logs; its
 * alpha profiles signal is not supported here). All instances of one receiver id share one gRPC and one HTTP
 * server (see {@link SharedReceivers}).
 */
@Component(service = ReceiverFactory.class)
public final class OtlpReceiverFactory implements ReceiverFactory<OtlpReceiverConfig> {

    static final String TYPE = "otlp";

    private static final Map<Signal, Stability> SIGNALS = Map.of(
            Signal.TRACES, Stability.STABLE,
            Signal.METRICS, Stability.STABLE,
            Signal.LOGS, Stability.STABLE);

    /** The server sections' keys that bind upstream but are not implemented by the helpers yet (auth, …). */
    private static final Set<String> UNSUPPORTED_KEYS = Stream.concat(
            GrpcServerSettings.unsupportedKeysUnder("protocols::grpc").stream(),
            HttpServerSettings.unsupportedKeysUnder("protocols::http").stream())
            .collect(Collectors.toUnmodifiableSet());

    private final SharedReceivers receivers = new SharedReceivers();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<OtlpReceiverConfig> configClass() {
        return OtlpReceiverConfig.class;
    }

    @Override
    public OtlpReceiverConfig createDefaultConfig() {
        return OtlpReceiverConfig.defaults();
    }

    @Override
    public Map<Signal, Stability> signals() {
        return SIGNALS;
    }

    @Override
    public Set<String> unsupportedKeys() {
        return UNSUPPORTED_KEYS;
    }

    @Override
    public Receiver createTraces(CreateSettings settings, OtlpReceiverConfig config, Consumer<Traces> next) {
        OtlpReceiver shared = shared(settings, config);
        shared.registerTraces(next);
        return new SignalReceiver(shared);
    }

    @Override
    public Receiver createMetrics(CreateSettings settings, OtlpReceiverConfig config, Consumer<Metrics> next) {
        OtlpReceiver shared = shared(settings, config);
        shared.registerMetrics(next);
        return new SignalReceiver(shared);
    }

    @Override
    public Receiver createLogs(CreateSettings settings, OtlpReceiverConfig config, Consumer<Logs> next) {
        OtlpReceiver shared = shared(settings, config);
        shared.registerLogs(next);
        return new SignalReceiver(shared);
    }

    private OtlpReceiver shared(CreateSettings settings, OtlpReceiverConfig config) {
        return receivers.get(settings.id(), config, settings.telemetry().logger());
    }

    /** The receivers alive now (tests check that stopped ones are forgotten). */
    int sharedCount() {
        return receivers.size();
    }
}
