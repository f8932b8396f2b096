package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.exporter.ExporterHelper;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.exporter.TimeoutSettings;
import io.otelier.helper.http.CompressionParams;
import io.otelier.helper.http.CookiesSettings;
import io.otelier.helper.http.HttpClientSettings;
import io.otelier.helper.tls.TlsClientSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code prometheus_remote_write} exporter's config: the part of upstream's
 * {@code prometheusremotewriteexporter.Config} (v0.165) this distribution implements. Upstream squashes
 * {@code confighttp.ClientConfig} and the exporterhelper timeout into it, so those keys sit at the top level.
 * {@code timeout} bounds each HTTP attempt (upstream copies it into the client's timeout and turns the
 * helper's off); retries are {@code retry_on_failure} with this exporter's own first interval of 50ms.
 *
 * @param compression         only {@code snappy} (or empty): remote write bodies are always snappy
 * @param externalLabels      labels added to every series that lacks them; names are sanitised
 * @param disableScopeInfo    leave out the {@code otel_scope_*} labels
 * @param addMetricSuffixes   unit words, {@code _total} and {@code _ratio} in names (deprecated upstream in
 *                            favour of {@code translation_strategy}, still the default)
 */
public record PrwExporterConfig(String endpoint, String proxyUrl, TlsClientSettings tls, int readBufferSize,
        int writeBufferSize, Duration timeout, Map<String, String> headers, String compression,
        CompressionParams compressionParams, int maxConnsPerHost, boolean forceAttemptHttp2, CookiesSettings cookies,
        RetrySettings retryOnFailure, String namespace, RemoteWriteQueue remoteWriteQueue,
        Map<String, String> externalLabels, ResourceToTelemetry resourceToTelemetryConversion, TargetInfo targetInfo,
        boolean disableScopeInfo, boolean addMetricSuffixes) implements ComponentConfig {

    public static final String DEFAULT_ENDPOINT = "http://some.url:9411/api/prom/push";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RETRY_INITIAL_INTERVAL = Duration.ofMillis(50);
    /** Upstream: "We almost read 0 bytes, so no need to tune ReadBufferSize." — writes are sized up. */
    public static final int DEFAULT_WRITE_BUFFER_SIZE = 512 * 1024;

    /**
     * {@code remote_write_queue}. Upstream sends from one queue consumer unless a feature gate is on, keeping
     * samples in order; {@code num_consumers} only splits one request's batches, and a request here is always
     * one batch, so it changes nothing but is validated as upstream.
     */
    public record RemoteWriteQueue(boolean enabled, int queueSize, int numConsumers) implements ComponentConfig {
        public static final int DEFAULT_QUEUE_SIZE = 10_000;
        public static final int DEFAULT_NUM_CONSUMERS = 5;

        public static RemoteWriteQueue defaults() {
            return new RemoteWriteQueue(true, DEFAULT_QUEUE_SIZE, DEFAULT_NUM_CONSUMERS);
        }

        @Override
        public void validate() throws ConfigException {
            if (queueSize < 0) {
                throw ConfigException.at("queue_size", "remote write queue size can't be negative");
            }
            if (enabled && queueSize == 0) {
                throw ConfigException.at("queue_size", "a 0 size queue will drop all the data");
            }
            if (numConsumers < 0) {
                throw ConfigException.at("num_consumers", "remote write consumer number can't be negative");
            }
        }

        QueueSettings queueSettings() {
            return QueueSettings.defaults().withEnabled(enabled).withQueueSize(Math.max(queueSize, 1))
                    .withNumConsumers(1);
        }
    }

    /** {@code resource_to_telemetry_conversion}: only the (deprecated upstream) {@code enabled} switch. */
    public record ResourceToTelemetry(boolean enabled) {
        public static ResourceToTelemetry defaults() {
            return new ResourceToTelemetry(false);
        }
    }

    /** {@code target_info}: whether each resource also yields a {@code target_info} series. */
    public record TargetInfo(boolean enabled) {
        public static TargetInfo defaults() {
            return new TargetInfo(true);
        }
    }

    public PrwExporterConfig {
        endpoint = endpoint == null ? "" : endpoint;
        namespace = namespace == null ? "" : namespace;
        compression = compression == null ? "" : compression;
        timeout = timeout == null ? Duration.ZERO : timeout;
        externalLabels = externalLabels == null ? Map.of() : Map.copyOf(externalLabels);
        remoteWriteQueue = remoteWriteQueue == null ? RemoteWriteQueue.defaults() : remoteWriteQueue;
        resourceToTelemetryConversion = resourceToTelemetryConversion == null ? ResourceToTelemetry.defaults()
                : resourceToTelemetryConversion;
        targetInfo = targetInfo == null ? TargetInfo.defaults() : targetInfo;
    }

    /** Upstream's {@code createDefaultConfig}. */
    public static PrwExporterConfig defaults() {
        HttpClientSettings c = HttpClientSettings.defaults();
        RetrySettings r = RetrySettings.defaults();
        return new PrwExporterConfig(DEFAULT_ENDPOINT, c.proxyUrl(), c.tls(), 0, DEFAULT_WRITE_BUFFER_SIZE,
                DEFAULT_TIMEOUT, c.headers(), c.compression(), c.compressionParams(), c.maxConnsPerHost(),
                c.forceAttemptHttp2(), c.cookies(),
                new RetrySettings(r.enabled(), DEFAULT_RETRY_INITIAL_INTERVAL, r.randomizationFactor(), r.multiplier(),
                        r.maxInterval(), r.maxElapsedTime()),
                "", RemoteWriteQueue.defaults(), Map.of(), ResourceToTelemetry.defaults(), TargetInfo.defaults(),
                false, true);
    }

    /**
     * The client; bodies are compressed by the exporter, so the client's own compression stays off. Upstream
     * copies {@code timeout} into the client only when it is positive: {@code timeout: 0} leaves the client's
     * default of 5s.
     */
    HttpClientSettings clientSettings() {
        Duration attempt = timeout.isNegative() || timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
        return new HttpClientSettings(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, attempt, headers, "",
                compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies);
    }

    /** {@code external_labels} with sanitised names, as upstream's {@code validateAndSanitizeExternalLabels}. */
    Map<String, String> sanitizedExternalLabels() {
        Map<String, String> out = new TreeMap<>();
        externalLabels.forEach((k, v) -> out.put(PrometheusNames.labelName(k), v));
        return out;
    }

    /**
     * The endpoint as a URI; upstream's {@code url.ParseRequestURI} check. Like upstream, a URL without a host
     * (the hands-on's {@code https:/host:8080/…} typo) passes here and fails on each send.
     */
    URI endpointUri() {
        try {
            URI uri = new URI(endpoint);
            if (!uri.isAbsolute()) {
                throw ConfigException.at("endpoint", "invalid endpoint \"" + endpoint + "\": not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ConfigException.at("endpoint", "invalid endpoint \"" + endpoint + "\": " + e.getMessage());
        }
    }

    TranslationSettings translationSettings() {
        return new TranslationSettings(namespace, sanitizedExternalLabels(), !targetInfo.enabled(), disableScopeInfo,
                addMetricSuffixes, resourceToTelemetryConversion.enabled());
    }

    @Override
    public void validate() throws ConfigException {
        endpointUri();
        if (!compression.isEmpty() && !compression.equals("snappy")) {
            throw ConfigException.at("compression", "compression type must be snappy, got \"" + compression + "\"");
        }
        for (Map.Entry<String, String> label : externalLabels.entrySet()) {
            if (label.getKey().isEmpty() || label.getValue() == null || label.getValue().isEmpty()) {
                throw ConfigException.at("external_labels",
                        "prometheus remote write: external labels configuration contains an empty key or value ("
                                + label.getKey() + ": \"" + label.getValue() + "\")");
            }
            try {
                PrometheusNames.labelName(label.getKey());
            } catch (IllegalArgumentException e) {
                throw ConfigException.at("external_labels", e.getMessage());
            }
        }
        try {
            remoteWriteQueue.validate();
        } catch (ConfigException e) {
            throw e.under("remote_write_queue");
        }
        clientSettings().validate();
        ExporterHelper.validate(TimeoutSettings.of(timeout), null, retryOnFailure);
    }
}
