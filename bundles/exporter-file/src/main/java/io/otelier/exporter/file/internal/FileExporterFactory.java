package io.otelier.exporter.file.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code file} exporter (upstream exporter/fileexporter v0.165.1: alpha for traces, metrics and logs; no
 * deprecated alias). All signals of one exporter id write to one file, as upstream's shared component does.
 */
@Component(service = ExporterFactory.class)
public final class FileExporterFactory implements ExporterFactory<FileExporterConfig> {

    static final String TYPE = "file";

    private static final Map<Signal, Stability> SIGNALS = Map.of(
            Signal.TRACES, Stability.ALPHA,
            Signal.METRICS, Stability.ALPHA,
            Signal.LOGS, Stability.ALPHA);

    /** Keyed by id and config instance: a reloaded graph (fresh configs) gets writers of its own. */
    private final Map<Key, FileExporter> exporters = new HashMap<>();
    private final Clock clock;

    public FileExporterFactory() {
        this(Clock.systemUTC());
    }

    /** For tests: a clock for rotation timestamps and retention. */
    FileExporterFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<FileExporterConfig> configClass() {
        return FileExporterConfig.class;
    }

    @Override
    public FileExporterConfig createDefaultConfig() {
        return FileExporterConfig.defaults();
    }

    @Override
    public Set<String> unsupportedKeys() {
        // encoding needs encoding extensions; compression_params only takes effect under upstream's alpha
        // exporter.file.nativeCompression gate, which this distribution does not have
        return Set.of("encoding", "compression_params");
    }

    @Override
    public Map<Signal, Stability> signals() {
        return SIGNALS;
    }

    @Override
    public Exporter<Traces> createTraces(CreateSettings settings, FileExporterConfig config) {
        return create(settings, config, SignalCodec.TRACES);
    }

    @Override
    public Exporter<Metrics> createMetrics(CreateSettings settings, FileExporterConfig config) {
        return create(settings, config, SignalCodec.METRICS);
    }

    @Override
    public Exporter<Logs> createLogs(CreateSettings settings, FileExporterConfig config) {
        return create(settings, config, SignalCodec.LOGS);
    }

    private <T extends Telemetry> Exporter<T> create(CreateSettings settings, FileExporterConfig config,
            SignalCodec<T, ?> codec) {
        return new FileSignalExporter<>(shared(settings, config), codec);
    }

    private synchronized FileExporter shared(CreateSettings settings, FileExporterConfig config) {
        Key key = new Key(settings.id(), config);
        return exporters.computeIfAbsent(key,
                k -> new FileExporter(config, settings.telemetry().logger(), clock, () -> forget(k)));
    }

    private synchronized void forget(Key key) {
        exporters.remove(key);
    }

    synchronized int sharedCount() {
        return exporters.size();
    }

    /** An id and a config instance (compared by identity, as upstream compares the config pointer). */
    private record Key(ComponentId id, FileExporterConfig config) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.id.equals(id) && k.config == config;
        }

        @Override
        public int hashCode() {
            return id.hashCode() * 31 + System.identityHashCode(config);
        }
    }
}
