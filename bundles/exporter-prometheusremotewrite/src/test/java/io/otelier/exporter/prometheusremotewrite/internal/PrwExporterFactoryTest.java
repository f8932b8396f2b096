package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names and stability as upstream's metadata.yaml (v0.165.1). */
class PrwExporterFactoryTest {

    private final PrwExporterFactory factory = new PrwExporterFactory();

    @Test
    void namesAndStabilityAreUpstreams() {
        assertThat(factory.type()).isEqualTo("prometheus_remote_write");
        assertThat(factory.deprecatedType()).contains("prometheusremotewrite");
        assertThat(factory.signals()).isEqualTo(Map.of(Signal.METRICS, Stability.BETA));
    }

    @Test
    void unimplementedUpstreamKeysAreDeclaredUnsupported() {
        assertThat(factory.unsupportedKeys()).contains("http",
                "protobuf_message", "include_metadata_keys", "convert_explicit_histograms_to_nhcb",
                "keep_classic_histograms", "auth");
        assertThat(factory.unsupportedKeys()).doesNotContain("wal", "max_batch_size_bytes", "send_metadata",
                "translation_strategy", "resource_constant_labels", "resource_to_telemetry_conversion::included",
                "max_batch_request_parallelism");
    }

    /** Upstream copies only a positive {@code timeout} into its HTTP client, whose own default is 5s. */
    @Test
    void eachAttemptIsBoundedByTheTimeoutOrFiveSeconds() {
        PrwExporterConfig d = factory.createDefaultConfig();
        assertThat(d.clientSettings().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(withTimeout(d, Duration.ofSeconds(12)).clientSettings().timeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(withTimeout(d, Duration.ZERO).clientSettings().timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    private static PrwExporterConfig withTimeout(PrwExporterConfig d, Duration timeout) {
        return new PrwExporterConfig(d.endpoint(), d.proxyUrl(), d.tls(), d.readBufferSize(), d.writeBufferSize(),
                timeout, d.headers(), d.compression(), d.compressionParams(), d.maxConnsPerHost(),
                d.forceAttemptHttp2(), d.cookies(), d.retryOnFailure(), d.namespace(), d.remoteWriteQueue(),
                d.externalLabels(), d.resourceToTelemetryConversion(), d.targetInfo(), d.disableScopeInfo(),
                d.addMetricSuffixes(), d.maxBatchSizeBytes(), d.maxBatchRequestParallelism(), d.wal(),
                d.sendMetadata(), d.resourceConstantLabels(), d.translationStrategy());
    }

    @Test
    void theDefaultConfigIsValid() {
        factory.createDefaultConfig().validate();
    }
}
