package io.otelier.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLayoutTest {

    @TempDir
    Path dir;

    private static Map<String, FileEntry> files(FileEntriesLayer layer) {
        return layer.getEntries().stream().filter(e -> Files.isRegularFile(e.getSourceFile()))
                .collect(Collectors.toMap(e -> e.getExtractionPath().toString(), Function.identity()));
    }

    @Test
    void layersOrderedByHowOftenTheyChange() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "otelcol", "exit 0\n");
        Path imageConfig = Files.writeString(dir.resolve("image-config.yaml"), "receivers: {}\n");
        // the class data archive is for the build's JVM at the folder's path: the image has neither
        Path cds = Files.createDirectories(dist.resolve("lib/cds"));
        Files.writeString(cds.resolve("classes.jsa"), "archive");
        Files.writeString(cds.resolve("classes.id"), "jvm=17\nsize=7\n");
        List<FileEntriesLayer> layers = ImageLayout.layers(dist, "otelcol", imageConfig);

        assertThat(layers).extracting(FileEntriesLayer::getName).containsExactly("framework and libraries",
                "components", "config");
        Map<String, FileEntry> framework = files(layers.get(0));
        assertThat(framework).containsOnlyKeys("/opt/otelcol/bin/otelcol", "/opt/otelcol/lib/launcher-1.jar",
                "/opt/otelcol/lib/org.apache.felix.framework-7.0.5.jar", "/opt/otelcol/bundles/snakeyaml-2.5.jar",
                "/opt/otelcol/deploy/README.txt");
        assertThat(framework.get("/opt/otelcol/bin/otelcol").getPermissions().toOctalString()).isEqualTo("755");
        assertThat(framework.get("/opt/otelcol/lib/launcher-1.jar").getPermissions().toOctalString()).isEqualTo("644");
        // the folders come along, the empty deploy/ included
        assertThat(layers.get(0).getEntries()).extracting(e -> e.getExtractionPath().toString())
                .contains("/opt/otelcol/bin", "/opt/otelcol/deploy", "/opt/otelcol/bundles", "/opt/otelcol/config")
                .doesNotContain("/opt/otelcol/lib/cds");

        assertThat(files(layers.get(1))).containsOnlyKeys("/opt/otelcol/bundles/runtime-1.jar",
                "/opt/otelcol/bundles/receiver-otlp-1.jar");

        Map<String, FileEntry> config = files(layers.get(2));
        assertThat(config).containsOnlyKeys("/opt/otelcol/config/config.yaml", "/etc/otelcol/config.yaml",
                "/opt/otelcol/manifest.yaml");
        assertThat(config.get("/etc/otelcol/config.yaml").getSourceFile()).isEqualTo(imageConfig);
        assertThat(config.get("/opt/otelcol/config/config.yaml").getSourceFile()).isEqualTo(imageConfig);
    }

    @Test
    void withoutAConfigTheConfigLayerHoldsTheManifest() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "mine", "exit 0\n");
        Files.delete(dist.resolve("config/config.yaml"));
        List<FileEntriesLayer> layers = ImageLayout.layers(dist, "mine", null);
        assertThat(files(layers.get(2))).containsOnlyKeys("/opt/mine/manifest.yaml");
        assertThat(ImageLayout.home("mine")).isEqualTo("/opt/mine");
        assertThat(ImageLayout.configPath("mine")).isEqualTo("/etc/mine/config.yaml");
    }
}
