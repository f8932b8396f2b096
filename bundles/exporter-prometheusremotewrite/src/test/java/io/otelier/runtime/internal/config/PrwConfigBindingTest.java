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
                """), "prometheus_remote_write/full");

        assertThat(c.tls().insecureSkipVerify()).isTrue();
        assertThat(c.headers()).containsEntry("X-Scope-OrgID", "tenant-1");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.namespace()).isEqualTo("otel");
        assertThat(c.resourceToTelemetryConversion().enabled()).isTrue();
        assertThat(c.targetInfo().enabled()).isFalse();
        assertThat(c.disableScopeInfo()).isTrue();
        assertThat(c.addMetricSuffixes()).isFalse();
        assertThat(c.retryOnFailure().initialInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retryOnFailure().maxElapsedTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.remoteWriteQueue()).isEqualTo(new PrwExporterConfig.RemoteWriteQueue(true, 2000, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wal                  | {wal: {directory: /tmp/wal}}                    | prometheus_remote_write::wal: is not supported by this distribution yet
            http section         | {http: {endpoint: "http://a/x"}}                | prometheus_remote_write::http: is not supported by this distribution yet
            batch size           | {max_batch_size_bytes: 100}                     | prometheus_remote_write::max_batch_size_bytes: is not supported by this distribution yet
            translation strategy | {translation_strategy: UnderscoreEscapingWithSuffixes} | prometheus_remote_write::translation_strategy: is not supported by this distribution yet
            metadata             | {send_metadata: true}                           | prometheus_remote_write::send_metadata: is not supported by this distribution yet
            constant labels      | {resource_constant_labels: {included: ["*"]}}   | prometheus_remote_write::resource_constant_labels: is not supported by this distribution yet
            r2t exclude          | {resource_to_telemetry_conversion: {exclude_service_attributes: true}} | resource_to_telemetry_conversion::exclude_service_attributes: is not supported by this distribution yet
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
