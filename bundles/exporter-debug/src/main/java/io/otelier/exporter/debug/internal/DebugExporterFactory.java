package io.otelier.exporter.debug.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code debug} exporter (upstream exporter/debugexporter v0.165: alpha for traces, metrics and logs).
 * {@code sending_queue} is upstream's exporterhelper queue, off by default for this exporter; it is not
 * implemented here yet.
 */
@Component(service = ExporterFactory.class)
public final class DebugExporterFactory implements ExporterFactory<DebugExporterConfig> {

    static final String TYPE = "debug";

    private static final Map<Signal, Stability> SIGNALS = Map.of(
            Signal.TRACES, Stability.ALPHA,
            Signal.METRICS, Stability.ALPHA,
            Signal.LOGS, Stability.ALPHA);

    private final Supplier<PrintStream> stdout;
    private final Supplier<PrintStream> stderr;

    /** The DS constructor: the process's standard streams, looked up at each write. */
    public DebugExporterFactory() {
        this(() -> System.out, () -> System.err);
    }

    /** For tests: other streams in place of stdout and stderr. */
    DebugExporterFactory(Supplier<PrintStream> stdout, Supplier<PrintStream> stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<DebugExporterConfig> configClass() {
        return DebugExporterConfig.class;
    }

    @Override
    public DebugExporterConfig createDefaultConfig() {
        return DebugExporterConfig.defaults();
    }

    @Override
    public Set<String> unsupportedKeys() {
        return Set.of("sending_queue");
    }

    @Override
    public Map<Signal, Stability> signals() {
        return SIGNALS;
    }

    @Override
    public Exporter<Traces> createTraces(CreateSettings settings, DebugExporterConfig config) {
        return create(SignalText.TRACES, settings, config);
    }

    @Override
    public Exporter<Metrics> createMetrics(CreateSettings settings, DebugExporterConfig config) {
        return create(SignalText.METRICS, settings, config);
    }

    @Override
    public Exporter<Logs> createLogs(CreateSettings settings, DebugExporterConfig config) {
        return create(SignalText.LOGS, settings, config);
    }

    private <T extends Telemetry> Exporter<T> create(SignalText<T> text, CreateSettings settings,
            DebugExporterConfig config) {
        DebugSink sink = config.useInternalLogger()
                ? new ConsoleSink(stdout, settings.telemetry().logger())
                : new PathsSink(config.effectiveOutputPaths(), stdout, stderr);
        LogSampler sampler = new LogSampler(config.samplingInitial(), config.samplingThereafter(), System::nanoTime);
        return new DebugExporter<>(text, config.verbosityLevel(), sampler, sink);
    }
}
