package io.otelier.builder.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.manifest.DistInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultConfigTest {

    private static final DistInfo DIST = new DistInfo("otelcol", "Test", "1", Path.of("out"));

    private static Listing listing(ComponentKind kind, String name, String... signals) {
        Map<String, String> stability = new java.util.LinkedHashMap<>();
        for (String s : signals) {
            stability.put(s, "Beta");
        }
        return new Listing(kind, name, "m 1", stability);
    }

    @Test
    void onePipelinePerSharedSignalPreferringKnownGoodComponents() {
        String config = DefaultConfig.generate(DIST, List.of(
                listing(ComponentKind.RECEIVER, "hostmetrics", "metrics"),
                listing(ComponentKind.RECEIVER, "otlp", "logs", "metrics", "traces"),
                listing(ComponentKind.EXPORTER, "debug", "logs", "metrics", "traces"),
                listing(ComponentKind.EXPORTER, "kafka", "traces"))).orElseThrow();
        assertThat(config).endsWith("""
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        endpoint: localhost:4317
                      http:
                        endpoint: localhost:4318
                exporters:
                  debug:
                service:
                  pipelines:
                    traces:
                      receivers: [otlp]
                      exporters: [debug]
                    metrics:
                      receivers: [otlp]
                      exporters: [debug]
                    logs:
                      receivers: [otlp]
                      exporters: [debug]
                """);
    }

    @Test
    void unknownComponentsGetAnEmptySection() {
        String config = DefaultConfig.generate(DIST, List.of(
                listing(ComponentKind.RECEIVER, "hostmetrics", "metrics"),
                listing(ComponentKind.EXPORTER, "prometheus", "metrics"))).orElseThrow();
        assertThat(config).contains("receivers:\n  hostmetrics:\nexporters:\n  prometheus:\n")
                .contains("    metrics:\n      receivers: [hostmetrics]\n      exporters: [prometheus]\n")
                .doesNotContain("traces:");
    }

    @Test
    void noneWithoutAReceiverAndExporterSharingASignal() {
        assertThat(DefaultConfig.generate(DIST, List.of(
                listing(ComponentKind.RECEIVER, "zipkin", "traces"),
                listing(ComponentKind.EXPORTER, "prometheus", "metrics")))).isEmpty();
    }
}
