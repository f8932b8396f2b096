package io.otelier.receiver.otlpjsonfile.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.helper.fileconsumer.FileConsumerConfig;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpJson;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code otlpjsonfile} receiver (upstream receiver/otlpjsonfilereceiver v0.165.1: alpha for traces, metrics and
 * logs; its development-stage profiles signal is not offered). Each signal's instance tails the files on its own,
 * as upstream's do, and keeps only the lines that hold data of its signal.
 */
@Component(service = ReceiverFactory.class)
public final class OtlpJsonFileReceiverFactory implements ReceiverFactory<OtlpJsonFileConfig> {

    static final String TYPE = "otlpjsonfile";

    /** replay_file re-reads whole files on every change (upstream's no-tracking mode), not implemented here. */
    private static final Set<String> UNSUPPORTED_KEYS = Stream.concat(FileConsumerConfig.UNSUPPORTED_KEYS.stream(),
            Stream.of("replay_file")).collect(Collectors.toUnmodifiableSet());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<OtlpJsonFileConfig> configClass() {
        return OtlpJsonFileConfig.class;
    }

    @Override
    public OtlpJsonFileConfig createDefaultConfig() {
        return new OtlpJsonFileConfig();
    }

    @Override
    public Set<String> unsupportedKeys() {
        return UNSUPPORTED_KEYS;
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA);
    }

    @Override
    public Receiver createTraces(CreateSettings settings, OtlpJsonFileConfig config, Consumer<Traces> next) {
        return new OtlpJsonFileReceiver<>(settings, config, next, "traces", OtlpJson::decodeTraces,
                t -> !t.resourceSpans().isEmpty());
    }

    @Override
    public Receiver createMetrics(CreateSettings settings, OtlpJsonFileConfig config, Consumer<Metrics> next) {
        return new OtlpJsonFileReceiver<>(settings, config, next, "metrics", OtlpJson::decodeMetrics,
                m -> !m.resourceMetrics().isEmpty());
    }

    @Override
    public Receiver createLogs(CreateSettings settings, OtlpJsonFileConfig config, Consumer<Logs> next) {
        return new OtlpJsonFileReceiver<>(settings, config, next, "logs", OtlpJson::decodeLogs,
                l -> l.logRecordCount() != 0);
    }
}
