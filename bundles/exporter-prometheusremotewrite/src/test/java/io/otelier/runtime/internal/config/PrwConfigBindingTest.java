package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.exporter.prometheusremotewrite.internal.PrwExporterConfig;
import io.otelier.exporter.prometheusremotewrite.internal.PrwExporterFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exporter's keys bound by the collector's own config loader, starting with the hands-on's section. */
class PrwConfigBindingTest {

    @TempDir
    Path dir;

    @Test
    void theHandsOnSectionBinds() {
        ConfigLoader.Result loaded = load("""
                exporters:
                  prometheusremotewrite:
                    endpoint: http://kube-prometheus-stack-prometheus.prometheus:9090/api/v1/write
                    external_labels:
                      oteltest: cndt2023
                """);

        PrwExporterConfig c = exporter(loaded, "prometheusremotewrite");
        assertThat(c.endpoint()).isEqualTo("http://kube-prometheus-stack-prometheus.prometheus:9090/api/v1/write");
        assertThat(c.externalLabels()).isEqualTo(Map.of("oteltest", "cndt2023"));
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.retryOnFailure().initialInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(loaded.warnings()).singleElement().asString().contains("deprecated alias");
    }

    @Test
    void defaultsAreUpstreams() {
        PrwExporterConfig c = new PrwExporterFactory().createDefaultConfig();

        assertThat(c.endpoint()).isEqualTo("http://some.url:9411/api/prom/push");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.writeBufferSize()).isEqualTo(512 * 1024);
        assertThat(c.remoteWriteQueue()).isEqualTo(new PrwExporterConfig.RemoteWriteQueue(true, 10_000, 5));
        assertThat(c.targetInfo().enabled()).isTrue();
        assertThat(c.addMetricSuffixes()).isTrue();
        assertThat(c.resourceToTelemetryConversion().enabled()).isFalse();
        assertThat(c.retryOnFailure().enabled()).isTrue();
        assertThat(c.retryOnFailure().initialInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.retryOnFailure().maxInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.retryOnFailure().maxElapsedTime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void everyImplementedKeyBinds() {
        PrwExporterConfig c = exporter(load("""
                exporters:
                  prometheus_remote_write/full:
                    endpoint: https://prom.example.com/api/v1/write
                    tls:
                      insecure_skip_verify: true
                    headers:
                      X-Scope-OrgID: tenant-1
                    compression: snappy
                    timeout: 12s
                    namespace: otel
                    external_labels:
                      cluster: c1
                    resource_to_telemetry_conversion:
                      enabled: true
                      exclude_service_attributes: true
                    translation_strategy: UnderscoreEscapingWithSuffixes
                    target_info:
                      enabled: false
                    disable_scope_info: true
                    add_metric_suffixes: false
                    retry_on_failure:
                      enabled: true
                      initial_interval: 1s
                      max_elapsed_time: 10m
                    remote_write_queue:
                      enabled: true
                      queue_size: 2000
                      num_consumers: 3
                    max_batch_size_bytes: 1000
                    max_batch_request_parallelism: 2
                    send_metadata: true
                    wal:
                      directory: /var/lib/otelcol/wal
                      buffer_size: 50
                      truncate_frequency: 10s
                """), "prometheus_remote_write/full");

        assertThat(c.tls().insecureSkipVerify()).isTrue();
        assertThat(c.headers()).containsEntry("X-Scope-OrgID", "tenant-1");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.namespace()).isEqualTo("otel");
        assertThat(c.resourceToTelemetryConversion().enabled()).isTrue();
        assertThat(c.resourceToTelemetryConversion().excludeServiceAttributes()).isTrue();
        // the strategy wins over add_metric_suffixes: false
        assertThat(c.withSuffixes()).isTrue();
        assertThat(c.targetInfo().enabled()).isFalse();
        assertThat(c.disableScopeInfo()).isTrue();
        assertThat(c.addMetricSuffixes()).isFalse();
        assertThat(c.retryOnFailure().initialInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retryOnFailure().maxElapsedTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.remoteWriteQueue()).isEqualTo(new PrwExporterConfig.RemoteWriteQueue(true, 2000, 3));
        assertThat(c.maxBatchSizeBytes()).isEqualTo(1000);
        assertThat(c.sendMetadata()).isTrue();
        assertThat(c.maxBatchRequestParallelism()).isEqualTo(2);
        assertThat(c.wal()).isEqualTo(new PrwExporterConfig.Wal("/var/lib/otelcol/wal", 50, Duration.ofSeconds(10),
                Duration.ZERO));
    }

    @Test
    void walDefaultsAreUpstreams() {
        PrwExporterConfig c = exporter(load("""
                exporters:
                  prometheus_remote_write:
                    wal:
                      directory: ./wal
                """), "prometheus_remote_write");

        assertThat(c.wal().bufferSize()).isZero();
        assertThat(c.wal().truncateFrequency()).isZero();
        assertThat(c.wal().path()).isEqualTo(Path.of("./wal", "prom_remotewrite"));
        assertThat(new PrwExporterFactory().createDefaultConfig().wal()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http section         | {http: {endpoint: "http://a/x"}}                | prometheus_remote_write::http: is not supported by this distribution yet
            batch size           | {max_batch_size_bytes: -1}                      | max_batch_size_bytes must be greater than 0
            parallelism          | {max_batch_request_parallelism: 0}              | max_batch_request_parallelism can't be set to below 1
            wal typo             | {wal: {dir: /tmp/wal}}                          | dir
            utf-8 strategy       | {translation_strategy: NoTranslation}           | translation strategy NoTranslation requires Prometheus Remote Write 2.0 (UTF-8 support)
            unknown strategy     | {translation_strategy: Other}                   | invalid translation_strategy: Other
            both r2t sections    | {resource_constant_labels: {included: ["*"]}, resource_to_telemetry_conversion: {enabled: true}} | cannot configure both resource_to_telemetry_conversion and resource_constant_labels
            legacy keys in new   | {resource_constant_labels: {enabled: true}}     | enabled and exclude_service_attributes are not supported under resource_constant_labels
            legacy with patterns | {resource_to_telemetry_conversion: {enabled: true, excluded: [a]}} | cannot configure both legacy enabled/exclude_service_attributes and included/excluded patterns
            auth                 | {auth: {authenticator: basicauth}}              | prometheus_remote_write::auth: is not supported by this distribution yet
            queue size           | {remote_write_queue: {queue_size: -1}}          | remote_write_queue::queue_size: remote write queue size can't be negative
            zero queue           | {remote_write_queue: {queue_size: 0}}           | remote_write_queue::queue_size: a 0 size queue will drop all the data
            consumers            | {remote_write_queue: {num_consumers: -1}}       | remote_write_queue::num_consumers: remote write consumer number can't be negative
            compression          | {compression: gzip}                             | compression type must be snappy
            empty label value    | {external_labels: {a: ""}}                      | external labels configuration contains an empty key or value
            bad label name       | {external_labels: {"__": x}}                    | normalization for label name
            bad endpoint         | {endpoint: "http://a b/"}                       | prometheus_remote_write::endpoint: invalid endpoint
            relative endpoint    | {endpoint: "/api/v1/write"}                     | not an absolute URL
            retry                | {retry_on_failure: {multiplier: -1}}            | retry_on_failure::multiplier
            typo                 | {external_label: {a: b}}                        | external_label
            """)
    void invalidOrUnsupportedConfigsAreRejectedClearly(String name, String section, String expected) {
        assertThatThrownBy(() -> load("exporters:\n  prometheus_remote_write: " + section + "\n"))
                .hasMessageContaining(expected);
    }

    private ConfigLoader.Result load(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        return new ConfigLoader(FactoryLookup.of(new PrwExporterFactory()), resolved.sources()).load(resolved.tree());
    }

    private static PrwExporterConfig exporter(ConfigLoader.Result loaded, String id) {
        return (PrwExporterConfig) loaded.config().exporters().get(ComponentId.parse(id));
    }
}
