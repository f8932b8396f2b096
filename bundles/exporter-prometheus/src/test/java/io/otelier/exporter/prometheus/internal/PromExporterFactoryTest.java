package io.otelier.exporter.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.helper.prometheus.ResourceToTelemetry;
import io.otelier.runtime.internal.config.ConfigLoader;
import io.otelier.runtime.internal.config.ConfigResolver;
import io.otelier.runtime.internal.config.FactoryLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromExporterFactoryTest {

    @TempDir
    Path dir;
    private final PromExporterFactory factory = new PromExporterFactory();

    @Test
    void namesDefaultsAndStabilityAreUpstreams() {
        assertThat(factory.type()).isEqualTo("prometheus");
        assertThat(factory.signals()).isEqualTo(Map.of(Signal.METRICS, Stability.BETA));
        PromExporterConfig d = factory.createDefaultConfig();
        assertThat(d.metricExpiration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.addMetricSuffixes()).isTrue();
        assertThat(d.enableOpenMetrics()).isFalse();
        assertThat(d.sendTimestamps()).isFalse();
        assertThat(factory.unsupportedKeys()).contains("sending_queue", "cors", "auth")
                .doesNotContain("translation_strategy", "resource_constant_labels");
    }

    @Test
    void everyImplementedKeyBinds() throws Exception {
        PromExporterConfig c = load("""
                exporters:
                  prometheus:
                    endpoint: 0.0.0.0:8889
                    namespace: otel
                    const_labels: {env: prod}
                    send_timestamps: true
                    metric_expiration: 10m
                    resource_to_telemetry_conversion: {enabled: true}
                    enable_open_metrics: true
                    without_scope_info: true
                    add_metric_suffixes: false
                    translation_strategy: UnderscoreEscapingWithSuffixes
                """);
        assertThat(c).isEqualTo(new PromExporterConfig("0.0.0.0:8889", null, "otel", Map.of("env", "prod"), true,
                Duration.ofMinutes(10), ResourceToTelemetry.enabled(true), true, true, false, ResourceToTelemetry.none(),
                "UnderscoreEscapingWithSuffixes"));
        assertThat(c.withSuffixes()).isTrue();
    }

    @Test
    void unsupportedAndInvalidKeysAreRejected() {
        assertThatThrownBy(() -> load("exporters:\n  prometheus: {sending_queue: {enabled: true}}\n"))
                .hasMessageContaining("sending_queue: is not supported");
        assertThatThrownBy(() -> load("exporters:\n  prometheus: {const_labels: {\"a-b\": x}}\n"))
                .hasMessageContaining("const_labels");
        assertThatThrownBy(() -> load("exporters:\n  prometheus: {translation_strategy: NoTranslation}\n"))
                .hasMessageContaining("NoTranslation keeps UTF-8 names");
        assertThatThrownBy(() -> load("exporters:\n  prometheus: {resource_constant_labels: {excluded: [a]},"
                + " resource_to_telemetry_conversion: {enabled: true}}\n"))
                .hasMessageContaining("cannot configure both resource_to_telemetry_conversion");
    }

    private PromExporterConfig load(String yaml) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        ConfigResolver.Resolved r = new ConfigResolver(n -> null).resolve(List.of(file.toString()), List.of());
        return (PromExporterConfig) new ConfigLoader(FactoryLookup.of(factory), r.sources()).load(r.tree()).config()
                .exporters().get(ComponentId.parse("prometheus"));
    }
}
