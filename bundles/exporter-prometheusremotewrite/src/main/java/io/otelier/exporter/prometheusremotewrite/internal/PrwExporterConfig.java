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
import io.otelier.helper.prometheus.ResourceToTelemetry;
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
 * @param maxBatchSizeBytes   series are split into write requests of at most this many protobuf bytes; 0 means
 *                            the default (upstream sets it in {@code Validate})
 * @param maxBatchRequestParallelism how many write requests of one export are sent at once; null means
 *                            {@code remote_write_queue.num_consumers}
 * @param wal                 null unless the {@code wal} section is written: requests then go to a write-ahead
 *                            log first and are sent from it
 * @param sendMetadata        also send each metric's type, help and unit ({@code prometheus.MetricMetadata})
 * @param resourceConstantLabels the resource attributes every point gets as labels (patterns); replaces the
 *                            deprecated {@code resource_to_telemetry_conversion}
 * @param translationStrategy {@code UnderscoreEscapingWithSuffixes} or {@code UnderscoreEscapingWithoutSuffixes};
 *                            when set it wins over {@code add_metric_suffixes}. The UTF-8 strategies need remote
 *                            write 2.0 and are refused, as upstream refuses them with 1.0
 */
public record PrwExporterConfig(String endpoint, String proxyUrl, TlsClientSettings tls, int readBufferSize,
        int writeBufferSize, Duration timeout, Map<String, String> headers, String compression,
        CompressionParams compressionParams, int maxConnsPerHost, boolean forceAttemptHttp2, CookiesSettings cookies,
        RetrySettings retryOnFailure, String namespace, RemoteWriteQueue remoteWriteQueue,
        Map<String, String> externalLabels, ResourceToTelemetry resourceToTelemetryConversion, TargetInfo targetInfo,
        boolean disableScopeInfo, boolean addMetricSuffixes, int maxBatchSizeBytes, Integer maxBatchRequestParallelism,
        Wal wal, boolean sendMetadata, ResourceToTelemetry resourceConstantLabels, String translationStrategy)
        implements ComponentConfig {

    public static final String DEFAULT_ENDPOINT = "http://some.url:9411/api/prom/push";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RETRY_INITIAL_INTERVAL = Duration.ofMillis(50);
    /** Upstream: "We almost read 0 bytes, so no need to tune ReadBufferSize." — writes are sized up. */
    public static final int DEFAULT_WRITE_BUFFER_SIZE = 512 * 1024;
    /** ~2.81 MiB, upstream's default. */
    public static final int DEFAULT_MAX_BATCH_SIZE_BYTES = 3_000_000;
    static final String UNDERSCORE_ESCAPING_WITH_SUFFIXES = "UnderscoreEscapingWithSuffixes";
    static final String UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES = "UnderscoreEscapingWithoutSuffixes";
    private static final java.util.List<String> UTF8_STRATEGIES = java.util.List.of("NoUTF8EscapingWithSuffixes",
            "NoTranslation");

    /**
     * {@code wal}: the write-ahead log (upstream's {@code WALConfig}); zero sizes and durations mean the defaults,
     * as upstream's getters do.
     *
     * @param directory         the log lives in {@code <directory>/prom_remotewrite}
     * @param bufferSize        how many requests are read from the log and sent together at most
     * @param truncateFrequency how long read requests wait for more before they are sent and the log truncated
     * @param lagRecordFrequency accepted for compatibility; the lag metric is not recorded here
     */
    public record Wal(String directory, int bufferSize, Duration truncateFrequency, Duration lagRecordFrequency)
            implements ComponentConfig {
        public static final int DEFAULT_BUFFER_SIZE = 300;
        public static final Duration DEFAULT_TRUNCATE_FREQUENCY = Duration.ofMinutes(1);

        public Wal {
            directory = directory == null ? "" : directory;
            truncateFrequency = truncateFrequency == null ? Duration.ZERO : truncateFrequency;
            lagRecordFrequency = lagRecordFrequency == null ? Duration.ZERO : lagRecordFrequency;
        }

        int effectiveBufferSize() {
            return bufferSize > 0 ? bufferSize : DEFAULT_BUFFER_SIZE;
        }

        Duration effectiveTruncateFrequency() {
            return truncateFrequency.isNegative() || truncateFrequency.isZero() ? DEFAULT_TRUNCATE_FREQUENCY
                    : truncateFrequency;
        }

        public java.nio.file.Path path() {
            return java.nio.file.Path.of(directory, "prom_remotewrite");
        }
    }

    /**
     * {@code remote_write_queue}. Upstream sends from one queue consumer unless a feature gate is on, keeping
     * samples in order; {@code num_consumers} is how many write requests of one export go out at once (unless
     * {@code max_batch_request_parallelism} is set). A series is never in two of them, so it stays in order.
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
        resourceToTelemetryConversion = resourceToTelemetryConversion == null ? ResourceToTelemetry.none()
                : resourceToTelemetryConversion;
        resourceConstantLabels = resourceConstantLabels == null ? ResourceToTelemetry.none() : resourceConstantLabels;
        translationStrategy = translationStrategy == null ? "" : translationStrategy;
        targetInfo = targetInfo == null ? TargetInfo.defaults() : targetInfo;
    }

    /** What a written {@code wal} section starts from: upstream's zero values, which its getters default. */
    public static Wal walDefaults() {
        return new Wal("", 0, Duration.ZERO, Duration.ZERO);
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
                "", RemoteWriteQueue.defaults(), Map.of(), ResourceToTelemetry.none(), TargetInfo.defaults(),
                false, true, DEFAULT_MAX_BATCH_SIZE_BYTES, null, null, false, ResourceToTelemetry.none(), "");
    }

    public PrwExporterConfig withEndpoint(String value) {
        return new PrwExporterConfig(value, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                remoteWriteQueue, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, wal, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withHeaders(Map<String, String> value) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, value,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                remoteWriteQueue, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, wal, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withRetry(RetrySettings value) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, value, namespace,
                remoteWriteQueue, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, wal, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withQueue(RemoteWriteQueue value) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                value, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, wal, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withExternalLabels(Map<String, String> value) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                remoteWriteQueue, value, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, wal, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withBatching(int sizeBytes, Integer parallelism) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                remoteWriteQueue, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, sizeBytes, parallelism, wal, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withWal(Wal value) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                remoteWriteQueue, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, value, sendMetadata, resourceConstantLabels,
                translationStrategy);
    }

    public PrwExporterConfig withSendMetadata(boolean value) {
        return new PrwExporterConfig(endpoint, proxyUrl, tls, readBufferSize, writeBufferSize, timeout, headers,
                compression, compressionParams, maxConnsPerHost, forceAttemptHttp2, cookies, retryOnFailure, namespace,
                remoteWriteQueue, externalLabels, resourceToTelemetryConversion, targetInfo, disableScopeInfo,
                addMetricSuffixes, maxBatchSizeBytes, maxBatchRequestParallelism, wal, value, resourceConstantLabels,
                translationStrategy);
    }

    int effectiveMaxBatchSizeBytes() {
        return maxBatchSizeBytes == 0 ? DEFAULT_MAX_BATCH_SIZE_BYTES : maxBatchSizeBytes;
    }

    /** Upstream's {@code concurrency}: the parallelism if set, else {@code num_consumers}, at least 1. */
    int concurrency() {
        int n = maxBatchRequestParallelism != null ? maxBatchRequestParallelism : remoteWriteQueue.numConsumers();
        return Math.max(n, 1);
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
        externalLabels.forEach((k, v) -> out.put(io.otelier.helper.prometheus.PrometheusNames.labelName(k), v));
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

    /** Upstream's {@code getTranslationConfiguration}: the strategy, when set, decides the suffixes. */
    public boolean withSuffixes() {
        return switch (translationStrategy) {
            case UNDERSCORE_ESCAPING_WITH_SUFFIXES -> true;
            case UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES -> false;
            default -> addMetricSuffixes;
        };
    }

    TranslationSettings translationSettings() {
        return new TranslationSettings(namespace, sanitizedExternalLabels(), !targetInfo.enabled(), disableScopeInfo,
                withSuffixes(), ResourceToTelemetry.effective(resourceToTelemetryConversion, resourceConstantLabels));
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
                io.otelier.helper.prometheus.PrometheusNames.labelName(label.getKey());
            } catch (IllegalArgumentException e) {
                throw ConfigException.at("external_labels", e.getMessage());
            }
        }
        ResourceToTelemetry.validatePair(resourceToTelemetryConversion, resourceConstantLabels);
        if (!translationStrategy.isEmpty()) {
            if (UTF8_STRATEGIES.contains(translationStrategy)) {
                throw ConfigException.at("translation_strategy", "translation strategy " + translationStrategy
                        + " requires Prometheus Remote Write 2.0 (UTF-8 support)");
            }
            if (!translationStrategy.equals(UNDERSCORE_ESCAPING_WITH_SUFFIXES)
                    && !translationStrategy.equals(UNDERSCORE_ESCAPING_WITHOUT_SUFFIXES)) {
                throw ConfigException.at("translation_strategy", "invalid translation_strategy: "
                        + translationStrategy);
            }
        }
        if (maxBatchRequestParallelism != null && maxBatchRequestParallelism < 1) {
            throw ConfigException.at("max_batch_request_parallelism", "max_batch_request_parallelism can't be set to"
                    + " below 1, got " + maxBatchRequestParallelism);
        }
        if (maxBatchSizeBytes < 0) {
            throw ConfigException.at("max_batch_size_bytes", "max_batch_size_bytes must be greater than 0, got "
                    + maxBatchSizeBytes);
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
