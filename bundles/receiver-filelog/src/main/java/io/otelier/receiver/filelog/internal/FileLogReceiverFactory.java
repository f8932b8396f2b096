package io.otelier.receiver.filelog.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.helper.fileconsumer.FileConsumerConfig;
import io.otelier.pdata.Logs;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code file_log} receiver, alias {@code filelog} (upstream receiver/filelogreceiver v0.165.1 metadata.yaml:
 * beta for logs).
 */
@Component(service = ReceiverFactory.class)
public final class FileLogReceiverFactory implements ReceiverFactory<FileLogConfig> {

    static final String TYPE = "file_log";
    static final String DEPRECATED_TYPE = "filelog";
    /** Upstream's metadata scope name, given to entries whose operators set none. */
    static final String SCOPE_NAME =
            "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver";

    /**
     * The fileconsumer's unimplemented keys, and the input operator's own {@code id}, {@code type} and
     * {@code output}, which upstream's squashed struct also accepts at the receiver's top level.
     */
    private static final Set<String> UNSUPPORTED_KEYS = Stream.concat(FileConsumerConfig.UNSUPPORTED_KEYS.stream(),
            Stream.of("id", "type", "output")).collect(Collectors.toUnmodifiableSet());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> deprecatedType() {
        return Optional.of(DEPRECATED_TYPE);
    }

    @Override
    public Class<FileLogConfig> configClass() {
        return FileLogConfig.class;
    }

    @Override
    public FileLogConfig createDefaultConfig() {
        return new FileLogConfig();
    }

    @Override
    public Set<String> unsupportedKeys() {
        return UNSUPPORTED_KEYS;
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.LOGS, Stability.BETA);
    }

    @Override
    public Receiver createLogs(CreateSettings settings, FileLogConfig config, Consumer<Logs> next) {
        return new FileLogReceiver(settings, config, next);
    }
}
