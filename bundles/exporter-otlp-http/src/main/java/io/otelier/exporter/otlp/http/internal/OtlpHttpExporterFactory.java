package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.helper.exporter.HelpedExporterFactory;
import io.otelier.helper.exporter.TimeoutSettings;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code otlp_http} exporter, deprecated alias {@code otlphttp} (upstream exporter/otlphttpexporter v0.165:
 * stable for traces, metrics and logs; profiles are not modelled here, so {@code profiles_endpoint} is rejected
 * as not supported yet).
 */
@Component(service = ExporterFactory.class)
public final class OtlpHttpExporterFactory extends HelpedExporterFactory<OtlpHttpExporterConfig> {

    static final String TYPE = "otlp_http";
    static final String DEPRECATED_TYPE = "otlphttp";

    public OtlpHttpExporterFactory() {
        super(TYPE, DEPRECATED_TYPE, OtlpHttpExporterConfig.class, Map.of(Signal.TRACES, Stability.STABLE,
                Signal.METRICS, Stability.STABLE, Signal.LOGS, Stability.STABLE),
                Stream.concat(HttpClientSettings.UNSUPPORTED_KEYS.stream(), Stream.of("profiles_endpoint")).toList());
    }

    @Override
    public OtlpHttpExporterConfig createDefaultConfig() {
        return OtlpHttpExporterConfig.defaults();
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
        // upstream turns the helper's timeout off and relies on the HTTP client's
        return helped(settings, format.signal(), config.sendingQueue(), config.retryOnFailure(),
                TimeoutSettings.of(Duration.ZERO), sender, format.protoSize());
    }
}
