package io.otelier.builder.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.builder.BuildException;
import io.otelier.builder.Coordinates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestParserTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void files() throws Exception {
        file = dir.resolve("manifest.yaml");
        Files.writeString(dir.resolve("config.yaml"), "receivers:\n");
        Files.writeString(dir.resolve("mine.jar"), "not really a jar");
    }

    private Manifest parse(String yaml) throws BuildException {
        return ManifestParser.parse(file, yaml);
    }

    @Test
    void readsAFullManifest() throws Exception {
        Manifest m = parse("""
                dist:
                  name: otelcol-custom
                  description: My collector
                  version: 1.0
                  output_path: ./_out
                receivers:
                  - bundle: "io.otelier:receiver-otlp:1.0.0"
                  - path: ./mine.jar
                processors: []
                exporters:
                  - bundle: io.otelier:exporter-debug:jar:1.0.0
                connectors:
                extensions:
                  - bundle: g:a:jar:tests:2
                config: ./config.yaml
                training_config: ./config.yaml
                image:
                  name: registry.example.com/otelcol-custom:1.0.0
                  push: true
                  format: oci
                  labels:
                    org.opencontainers.image.source: https://example.com/collector
                    team: observability
                """);
        assertThat(m.dist()).isEqualTo(new DistInfo("otelcol-custom", "My collector", "1.0", dir.resolve("_out")));
        assertThat(m.components()).containsExactly(
                new ComponentEntry(ComponentKind.RECEIVER, "receivers[0]",
                        Coordinates.jar("io.otelier", "receiver-otlp", "1.0.0"), null),
                new ComponentEntry(ComponentKind.RECEIVER, "receivers[1]", null, dir.resolve("mine.jar")),
                new ComponentEntry(ComponentKind.EXPORTER, "exporters[0]",
                        Coordinates.jar("io.otelier", "exporter-debug", "1.0.0"), null),
                new ComponentEntry(ComponentKind.EXTENSION, "extensions[0]",
                        new Coordinates("g", "a", "jar", "tests", "2"), null));
        assertThat(m.config()).contains(dir.resolve("config.yaml"));
        assertThat(m.trainingConfig()).contains(dir.resolve("config.yaml"));
        assertThat(m.image()).contains(new ImageSpec("registry.example.com/otelcol-custom:1.0.0", "jlink", null,
                true, false, "oci", Map.of("org.opencontainers.image.source", "https://example.com/collector",
                        "team", "observability")));
        assertThat(m.image().get().labels().keySet()).containsExactly("org.opencontainers.image.source", "team");
        assertThat(m.image().get().writesTarball()).isFalse();
    }

    @Test
    void distDefaultsAreOcbLike() throws Exception {
        Manifest m = parse("receivers: [{bundle: 'g:a:1'}]\n");
        assertThat(m.dist().name()).isEqualTo("otelcol-custom");
        assertThat(m.dist().version()).isEqualTo("1.0.0");
        assertThat(m.dist().outputPath()).isEqualTo(dir.resolve("_build"));
        assertThat(m.config()).isEmpty();
        assertThat(m.trainingConfig()).isEmpty();
        assertThat(m.image()).isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown root key", "receivers: [{bundle: 'g:a:1'}]\nrecievers: []\n",
                        "manifest.yaml:2: recievers: unknown key (valid keys: dist, receivers, processors, exporters, "
                                + "connectors, extensions, config, training_config, image)"),
                Arguments.of("unknown dist key", "dist:\n  name: x\n  nmae: y\nreceivers: [{bundle: 'g:a:1'}]\n",
                        "manifest.yaml:3: dist::nmae: unknown key (valid keys: name, description, version, "
                                + "output_path)"),
                Arguments.of("unknown entry key", "exporters:\n  - bundle: g:a:1\n    gomod: x\n",
                        "manifest.yaml:3: exporters[0]::gomod: unknown key (valid keys: bundle, path)"),
                Arguments.of("bundle and path", "exporters:\n  - {bundle: 'g:a:1', path: ./mine.jar}\n",
                        "exporters[0]: needs exactly one of bundle (Maven coordinates) and path (a local jar)"),
                Arguments.of("neither bundle nor path", "exporters:\n  - {}\n",
                        "exporters[0]: needs exactly one of bundle"),
                Arguments.of("not coordinates", "receivers:\n  - bundle: receiver-otlp\n",
                        "manifest.yaml:2: receivers[0]::bundle: \"receiver-otlp\" is not Maven coordinates "
                                + "(groupId:artifactId:version)"),
                Arguments.of("list expected", "receivers:\n  bundle: g:a:1\n",
                        "manifest.yaml:2: receivers: must be a list of"),
                Arguments.of("missing jar", "receivers:\n  - path: ./nope.jar\n",
                        "receivers[0]::path: ./nope.jar does not exist"),
                Arguments.of("missing config", "receivers: [{bundle: 'g:a:1'}]\nconfig: other.yaml\n",
                        "manifest.yaml:2: config: other.yaml does not exist"),
                Arguments.of("missing training config", "receivers: [{bundle: 'g:a:1'}]\ntraining_config: t.yaml\n",
                        "manifest.yaml:2: training_config: t.yaml does not exist"),
                Arguments.of("bad name", "dist: {name: ../x}\nreceivers: [{bundle: 'g:a:1'}]\n",
                        "dist::name: \"../x\" is not a valid launcher name"),
                Arguments.of("empty version", "dist: {version: ''}\nreceivers: [{bundle: 'g:a:1'}]\n",
                        "dist::version: must not be empty"),
                Arguments.of("no components", "dist: {name: x}\n", "lists no component"),
                Arguments.of("empty manifest", "", "the manifest is empty"),
                Arguments.of("duplicate key", "dist: {name: x}\ndist: {name: y}\nreceivers: [{bundle: 'g:a:1'}]\n",
                        "manifest.yaml:2: dist: defined twice"),
                Arguments.of("not YAML", "receivers: [\n", "not valid YAML"),
                Arguments.of("image without name", "receivers: [{bundle: 'g:a:1'}]\nimage: {push: true}\n",
                        "image::name: missing"),
                Arguments.of("bad image name", "receivers: [{bundle: 'g:a:1'}]\nimage: {name: 'Bad Name'}\n",
                        "image::name: \"Bad Name\" is not an image reference"),
                Arguments.of("push not a bool", "receivers: [{bundle: 'g:a:1'}]\nimage: {name: x, push: yes}\n",
                        "image::push: must be true or false"),
                Arguments.of("missing base tarball",
                        "receivers: [{bundle: 'g:a:1'}]\nimage: {name: x, base: 'tar://base.tar'}\n",
                        "image::base: base.tar does not exist"),
                Arguments.of("unknown format", "receivers: [{bundle: 'g:a:1'}]\nimage: {name: x, format: podman}\n",
                        "image::format: unknown value \"podman\" (valid: docker, oci)"),
                Arguments.of("labels not a mapping", "receivers: [{bundle: 'g:a:1'}]\nimage: {name: x, labels: [a]}\n",
                        "image::labels: must be a mapping of label keys to values"),
                Arguments.of("empty label", "receivers: [{bundle: 'g:a:1'}]\nimage: {name: x, labels: {a: ''}}\n",
                        "image::labels::a: must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BuildException.class).hasMessageContaining(message);
    }

    @Test
    void readsFromAFileRelativeToIt() throws Exception {
        Files.writeString(file, "receivers:\n  - path: mine.jar\n");
        Manifest m = ManifestParser.parse(file);
        assertThat(m.components().get(0).path()).isEqualTo(dir.resolve("mine.jar"));
        assertThat(m.text()).isEqualTo("receivers:\n  - path: mine.jar\n");
    }

    @Test
    void imagePathsAreRelativeToTheManifest() throws Exception {
        Files.writeString(dir.resolve("base.tar"), "a docker save tarball");
        ImageSpec image = parse("receivers: [{bundle: 'g:a:1'}]\n"
                + "image: {name: x, base: 'tar://base.tar', tarball: out/image.tar}\n").image().orElseThrow();
        assertThat(image.base()).isEqualTo("tar://" + dir.resolve("base.tar"));
        assertThat(image.baseTarball()).isEqualTo(dir.resolve("base.tar"));
        assertThat(image.jlinkBase()).isFalse();
        assertThat(image.tarball()).isEqualTo(dir.resolve("out/image.tar"));
        assertThat(image.format()).isEqualTo("docker");
        assertThat(image.labels()).isEmpty();
        assertThat(image.writesTarball()).isTrue();
    }
}
