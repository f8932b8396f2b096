package io.otelier.exporter.prometheus.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.pdata.Metrics;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The {@code prometheus} exporter (upstream exporter/prometheusexporter v0.165: beta for metrics). */
@Component(service = ExporterFactory.class)
public final class PromExporterFactory implements ExporterFactory<PromExporterConfig> {

    static final String TYPE = "prometheus";

    /** Upstream keys not implemented here: the server keys beyond endpoint/tls, and the sending queue. */
    static final List<String> OWN_UNSUPPORTED_KEYS = List.of("sending_queue", "transport", "cors", "max_request_body_size", "include_metadata",
            "response_headers", "compression_algorithms", "read_timeout", "read_header_timeout", "write_timeout",
            "idle_timeout", "keepalive");

    private static final Set<String> UNSUPPORTED_KEYS;

    static {
        Set<String> keys = new HashSet<>(HttpServerSettings.UNSUPPORTED_KEYS);
        keys.addAll(OWN_UNSUPPORTED_KEYS);
        UNSUPPORTED_KEYS = Set.copyOf(keys);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<PromExporterConfig> configClass() {
        return PromExporterConfig.class;
    }

    @Override
    public PromExporterConfig createDefaultConfig() {
        return PromExporterConfig.defaults();
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
    public Exporter<Metrics> createMetrics(CreateSettings settings, PromExporterConfig config) {
        if (config.resourceConstantLabels().isEmpty() && !config.resourceToTelemetryConversion().isEmpty()) {
            settings.telemetry().logger().warn(
                    "resource_to_telemetry_conversion is deprecated; use resource_constant_labels instead");
        }
        return new PrometheusExporter(config, settings.telemetry().logger(), Clock.systemUTC());
    }
}
