package io.otelier.exporter.otlp.grpc.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.helper.exporter.HelpedExporterFactory;
import io.otelier.helper.exporter.TimeoutSettings;
import io.otelier.helper.grpc.GrpcClientSettings;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpProto;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code otlp_grpc} exporter, deprecated alias {@code otlp} (upstream exporter/otlpexporter v0.165: stable
 * for traces, metrics and logs; profiles are not modelled here). Each signal gets its own channel, as upstream
 * creates one exporter per signal.
 */
@Component(service = ExporterFactory.class)
public final class OtlpGrpcExporterFactory extends HelpedExporterFactory<OtlpGrpcExporterConfig> {

    static final String TYPE = "otlp_grpc";
    static final String DEPRECATED_TYPE = "otlp";

    public OtlpGrpcExporterFactory() {
        super(TYPE, DEPRECATED_TYPE, OtlpGrpcExporterConfig.class, Map.of(Signal.TRACES, Stability.STABLE,
                Signal.METRICS, Stability.STABLE, Signal.LOGS, Stability.STABLE), GrpcClientSettings.UNSUPPORTED_KEYS);
    }

    @Override
    public OtlpGrpcExporterConfig createDefaultConfig() {
        return OtlpGrpcExporterConfig.defaults();
    }

    @Override
    public Exporter<Traces> createTraces(CreateSettings settings, OtlpGrpcExporterConfig config) {
        return create(settings, config, Signal.TRACES, "dropped_spans", OtlpProto::encodedSize);
    }

    @Override
    public Exporter<Metrics> createMetrics(CreateSettings settings, OtlpGrpcExporterConfig config) {
        return create(settings, config, Signal.METRICS, "dropped_data_points", OtlpProto::encodedSize);
    }

    @Override
    public Exporter<Logs> createLogs(CreateSettings settings, OtlpGrpcExporterConfig config) {
        return create(settings, config, Signal.LOGS, "dropped_log_records", OtlpProto::encodedSize);
    }

    private static <T extends Telemetry> Exporter<T> create(CreateSettings settings, OtlpGrpcExporterConfig config,
            Signal signal, String droppedField, ToLongFunction<T> protoSize) {
        OtlpGrpcSender<T> sender = new OtlpGrpcSender<>(config.clientSettings(settings.buildInfo().userAgent()),
                droppedField, settings.telemetry().logger());
        return helped(settings, signal, config.sendingQueue(), config.retryOnFailure(),
                TimeoutSettings.of(config.timeout()), sender, protoSize);
    }
}
