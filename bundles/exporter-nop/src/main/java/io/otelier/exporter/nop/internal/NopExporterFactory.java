package io.otelier.exporter.nop.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** The {@code nop} exporter (upstream exporter/nopexporter v0.165: beta for traces, metrics and logs). */
@Component(service = ExporterFactory.class)
public final class NopExporterFactory implements ExporterFactory<NopExporterConfig> {

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
    public Class<NopExporterConfig> configClass() {
        return NopExporterConfig.class;
    }

    @Override
    public NopExporterConfig createDefaultConfig() {
        return new NopExporterConfig();
    }

    @Override
    public Map<Signal, Stability> signals() {
        return SIGNALS;
    }

    @Override
    public Exporter<Traces> createTraces(CreateSettings settings, NopExporterConfig config) {
        return new NopExporter<>();
    }

    @Override
    public Exporter<Metrics> createMetrics(CreateSettings settings, NopExporterConfig config) {
        return new NopExporter<>();
    }

    @Override
    public Exporter<Logs> createLogs(CreateSettings settings, NopExporterConfig config) {
        return new NopExporter<>();
    }
}
