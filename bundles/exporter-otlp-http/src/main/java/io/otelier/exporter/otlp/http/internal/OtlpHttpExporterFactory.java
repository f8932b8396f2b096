package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.helper.exporter.ExporterHelper;
import io.otelier.helper.exporter.TimeoutSettings;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code otlp_http} exporter, deprecated alias {@code otlphttp} (upstream exporter/otlphttpexporter v0.165:
 * stable for traces, metrics and logs; profiles are not modelled here, so {@code profiles_endpoint} is rejected
 * as not supported yet).
 */
@Component(service = ExporterFactory.class)
public final class OtlpHttpExporterFactory implements ExporterFactory<OtlpHttpExporterConfig> {

    static final String TYPE = "otlp_http";
    static final String DEPRECATED_TYPE = "otlphttp";

    private static final Map<Signal, Stability> SIGNALS = Map.of(
            Signal.TRACES, Stability.STABLE,
            Signal.METRICS, Stability.STABLE,
            Signal.LOGS, Stability.STABLE);

    private static final Set<String> UNSUPPORTED_KEYS;

    static {
        Set<String> keys = new HashSet<>(HttpClientSettings.UNSUPPORTED_KEYS);
        keys.addAll(ExporterHelper.UNSUPPORTED_KEYS);
        keys.add("profiles_endpoint");
        UNSUPPORTED_KEYS = Set.copyOf(keys);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> deprecatedType() {
        return Optional.of(DEPRECATED_TYPE);
    }

    @Override
    public Class<OtlpHttpExporterConfig> configClass() {
        return OtlpHttpExporterConfig.class;
    }

    @Override
    public OtlpHttpExporterConfig createDefaultConfig() {
        return OtlpHttpExporterConfig.defaults();
    }

    @Override
    public Set<String> unsupportedKeys() {
        return UNSUPPORTED_KEYS;
    }

    @Override
    public Map<Signal, Stability> signals() {
        return SIGNALS;
    }

    @Override
    public Exporter<Traces> createTraces(CreateSettings settings, OtlpHttpExporterConfig config) {
        return create(settings, config, SignalFormat.TRACES);
    }

    @Override
    public Exporter<Metrics> createMetrics(CreateSettings settings, OtlpHttpExporterConfig config) {
        return create(settings, config, SignalFormat.METRICS);
    }

    @Override
    public Exporter<Logs> createLogs(CreateSettings settings, OtlpHttpExporterConfig config) {
        return create(settings, config, SignalFormat.LOGS);
    }

    /** @throws io.otelier.api.config.ConfigException when this signal has no endpoint at all */
    private static <T extends Telemetry> Exporter<T> create(CreateSettings settings, OtlpHttpExporterConfig config,
            SignalFormat<T> format) {
        OtlpHttpSender<T> sender = new OtlpHttpSender<>(config.clientSettings(), config.signalUrl(format.signal()),
                config.encoding(), format, settings.buildInfo().userAgent(), settings.telemetry().logger(),
                Clock.systemUTC());
        return ExporterHelper.builder(settings, format.signal(), sender)
                .queue(config.sendingQueue())
                .retry(config.retryOnFailure())
                // upstream turns this timeout off and relies on the HTTP client's
                .timeout(TimeoutSettings.of(Duration.ZERO))
                .bytesSizer(format.protoSize())
                .build();
    }
}
