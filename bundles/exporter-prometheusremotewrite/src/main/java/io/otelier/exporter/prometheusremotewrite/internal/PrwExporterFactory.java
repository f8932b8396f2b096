package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.helper.exporter.ExporterHelper;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.exporter.TimeoutSettings;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.otlp.OtlpProto;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code prometheus_remote_write} exporter, deprecated alias {@code prometheusremotewrite} (upstream
 * exporter/prometheusremotewriteexporter v0.165: beta for metrics). Remote write 1.0 only.
 */
@Component(service = ExporterFactory.class)
public final class PrwExporterFactory implements ExporterFactory<PrwExporterConfig> {

    static final String TYPE = "prometheus_remote_write";
    static final String DEPRECATED_TYPE = "prometheusremotewrite";

    /** Upstream keys this distribution does not implement yet. */
    static final List<String> OWN_UNSUPPORTED_KEYS = List.of("http",
            "protobuf_message", "include_metadata_keys", "convert_explicit_histograms_to_nhcb",
            "keep_classic_histograms");

    private static final Set<String> UNSUPPORTED_KEYS;

    static {
        Set<String> keys = new HashSet<>(HttpClientSettings.UNSUPPORTED_KEYS);
        keys.addAll(OWN_UNSUPPORTED_KEYS);
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
    public Class<PrwExporterConfig> configClass() {
        return PrwExporterConfig.class;
    }

    @Override
    public PrwExporterConfig createDefaultConfig() {
        return PrwExporterConfig.defaults();
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
    public Exporter<Metrics> createMetrics(CreateSettings settings, PrwExporterConfig config) {
        var log = settings.telemetry().logger();
        if (config.remoteWriteQueue().numConsumers() != PrwExporterConfig.RemoteWriteQueue.DEFAULT_NUM_CONSUMERS) {
            log.warn("`remote_write_queue.num_consumers` will be used to configure processing parallelism, rather"
                    + " than request parallelism in a future release. This may cause out-of-order issues unless you"
                    + " take action. Please migrate to using `max_batch_request_parallelism` to keep the your"
                    + " existing behavior.");
        }
        if (!config.addMetricSuffixes()) {
            log.warn("`add_metric_suffixes` is deprecated. Please use `translation_strategy:"
                    + " UnderscoreEscapingWithoutSuffixes` instead.");
        }
        if (config.resourceConstantLabels().isEmpty() && !config.resourceToTelemetryConversion().isEmpty()) {
            log.warn("resource_to_telemetry_conversion is deprecated; use resource_constant_labels instead");
        }
        PrwTelemetry telemetry = new PrwTelemetry(settings.telemetry().meter(), settings.id().toString(),
                config.endpointUri().toString());
        PrwSender sender = new PrwSender(config, settings.buildInfo().userAgent(), log, settings.id().toString(),
                telemetry);
        Exporter<Metrics> helped = ExporterHelper.builder(settings, Signal.METRICS, sender)
                .queue(config.remoteWriteQueue().queueSettings())
                // the sender retries each write request itself, as upstream's exporter does
                .retry(RetrySettings.disabled())
                // upstream turns the helper's timeout off; the client's bounds each attempt
                .timeout(TimeoutSettings.of(Duration.ZERO))
                .bytesSizer(m -> OtlpProto.encodedSize(m))
                .build();
        return new RetryStoppingExporter(helped, sender);
    }

    /**
     * Upstream's {@code retryStoppingExporter}: retries stop when shutdown starts, so the queue drains with one
     * attempt per request instead of up to {@code max_elapsed_time} each while the endpoint is down.
     */
    private record RetryStoppingExporter(Exporter<Metrics> delegate, PrwSender sender) implements Exporter<Metrics> {
        @Override
        public void start(io.otelier.api.component.Host host) throws Exception {
            delegate.start(host);
        }

        @Override
        public void consume(io.otelier.api.consumer.RequestContext context, Metrics data)
                throws io.otelier.api.consumer.ConsumerException {
            delegate.consume(context, data);
        }

        @Override
        public boolean mutatesData() {
            return delegate.mutatesData();
        }

        @Override
        public boolean mayBlock() {
            return delegate.mayBlock();
        }

        @Override
        public boolean reportsSends() {
            return delegate.reportsSends();
        }

        @Override
        public void shutdown() throws Exception {
            sender.stopRetries();
            delegate.shutdown();
        }
    }
}
