package io.otelier.builder.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.manifest.DistInfo;
import io.otelier.builder.output.Listing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageLabelsTest {

    private static final DistInfo DIST = new DistInfo("otelcol", "Otelier core distribution", "0.2.0", Path.of("x"));
    private static final List<Listing> COMPONENTS = List.of(
            new Listing(ComponentKind.RECEIVER, "otlp", "io.otelier.receiver-otlp 0.2.0", Map.of()),
            new Listing(ComponentKind.RECEIVER, "nop", "io.otelier.receiver-nop 0.2.0", Map.of()),
            new Listing(ComponentKind.EXPORTER, "debug", "io.otelier.exporter-debug 0.2.0", Map.of()),
            new Listing(ComponentKind.CONNECTOR, "forward", "io.otelier.connector-forward 0.2.0", Map.of()));

    @Test
    void ociAnnotationsAndTheComponentList() {
        assertThat(ImageLabels.of(DIST, COMPONENTS, null, Map.of())).containsExactly(
                entry("org.opencontainers.image.title", "otelcol"),
                entry("org.opencontainers.image.description", "Otelier core distribution"),
                entry("org.opencontainers.image.version", "0.2.0"),
                entry("io.otelier.components",
                        "{\"receivers\":[\"nop\",\"otlp\"],\"exporters\":[\"debug\"],\"connectors\":[\"forward\"]}"));
    }

    @Test
    void aRegistryBaseIsNamedAndTheManifestsLabelsWin() {
        Map<String, String> labels = ImageLabels.of(DIST, COMPONENTS, "eclipse-temurin:17-jre", Map.of(
                "org.opencontainers.image.source", "https://example.com/otelier",
                "org.opencontainers.image.description", "ours"));
        assertThat(labels).contains(entry("org.opencontainers.image.base.name", "eclipse-temurin:17-jre"),
                entry("org.opencontainers.image.source", "https://example.com/otelier"),
                entry("org.opencontainers.image.description", "ours"));
    }

    @Test
    void namesAreJsonStrings() {
        assertThat(ImageLabels.componentsJson(List.of(
                new Listing(ComponentKind.PROCESSOR, "odd\"name\\", "m 1", Map.of())))).isEqualTo(
                        "{\"processors\":[\"odd\\\"name\\\\\"]}");
        assertThat(ImageLabels.componentsJson(List.of())).isEqualTo("{}");
    }
}
