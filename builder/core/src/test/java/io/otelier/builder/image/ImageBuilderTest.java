package io.otelier.builder.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.otelier.builder.BuildException;
import io.otelier.builder.Progress;
import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.manifest.DistInfo;
import io.otelier.builder.manifest.ImageSpec;
import io.otelier.builder.output.Listing;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images built for real with Jib and read back from their tarballs. */
class ImageBuilderTest {

    private static final DistInfo DIST = new DistInfo("otelcol", "Test collector", "1.2.0", Path.of("unused"));
    private static final List<Listing> COMPONENTS = List.of(
            new Listing(ComponentKind.RECEIVER, "otlp", "io.otelier.receiver-otlp 1", Map.of()),
            new Listing(ComponentKind.EXPORTER, "debug", "io.otelier.exporter-debug 1", Map.of()));
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    private final List<String> steps = new ArrayList<>();
    private final Progress progress = new Progress() {
        @Override
        public void step(String line) {
            steps.add(line);
        }

        @Override
        public void detail(String line) {
        }

        @Override
        public void warning(String line) {
            steps.add("warning: " + line);
        }
    };

    /** A base image tarball, as {@code docker save} would write one: one file and an environment. */
    private Path baseTarball() throws Exception {
        Path file = Files.writeString(dir.resolve("base.txt"), "from the base\n");
        Path tarball = dir.resolve("base.tar");
        Jib.fromScratch().setEnvironment(Map.of("JAVA_HOME", "/opt/jre", "FROM_BASE", "yes"))
                .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(file, AbsoluteUnixPath.get("/base.txt")).build())
                .containerize(Containerizer.to(TarImage.at(tarball).named("base:1"))
                        .setApplicationLayersCache(dir.resolve("jib")).setBaseImageLayersCache(dir.resolve("jib")));
        return tarball;
    }

    @Test
    void onATarballBase() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "otelcol", "exit 0\n");
        ImageSpec spec = new ImageSpec("example.com/otelier/otelcol:1.2.0", "tar://" + baseTarball(),
                dir.resolve("out/image.tar"), false, false, "docker",
                Map.of("org.opencontainers.image.source", "https://example.com/otelier"));
        ImageResult result = ImageBuilder.build(DIST, spec, dist, COMPONENTS, JAVA_HOME, progress);

        assertThat(result.tarball()).isEqualTo(dir.resolve("out/image.tar")).isRegularFile();
        assertThat(result.digest()).startsWith("sha256:");
        assertThat(result.pushed()).isFalse();
        ImageTarball image = ImageTarball.read(result.tarball());
        assertThat(image.manifest().get("RepoTags").get(0).asText()).isEqualTo("example.com/otelier/otelcol:1.2.0");

        JsonNode config = image.config().get("config");
        assertThat(config.get("Entrypoint").toString()).isEqualTo("[\"/opt/otelcol/bin/otelcol\"]");
        assertThat(config.get("Cmd").toString()).isEqualTo("[\"--config\",\"/etc/otelcol/config.yaml\"]");
        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        assertThat(config.get("ExposedPorts").fieldNames()).toIterable().containsExactly("4317/tcp", "4318/tcp");
        assertThat(image.env()).contains("JAVA_HOME=/opt/jre", "FROM_BASE=yes");
        JsonNode labels = config.get("Labels");
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo("otelcol");
        assertThat(labels.get("org.opencontainers.image.description").asText()).isEqualTo("Test collector");
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo("1.2.0");
        assertThat(labels.get("org.opencontainers.image.source").asText()).isEqualTo("https://example.com/otelier");
        assertThat(labels.get("io.otelier.components").asText())
                .isEqualTo("{\"receivers\":[\"otlp\"],\"exporters\":[\"debug\"]}");

        // base, then framework and libraries, components, config
        assertThat(image.layerCount()).isEqualTo(4);
        assertThat(image.layer(0).get("base.txt").text()).isEqualTo("from the base\n");
        Map<String, ImageTarball.File> framework = image.layer(1);
        assertThat(framework.get("opt/otelcol/bin/otelcol").mode()).isEqualTo(0755);
        assertThat(framework).containsKeys("opt/otelcol/lib/launcher-1.jar", "opt/otelcol/bundles/snakeyaml-2.5.jar",
                "opt/otelcol/deploy/README.txt").doesNotContainKey("opt/otelcol/bundles/receiver-otlp-1.jar");
        assertThat(image.layer(2).keySet()).filteredOn(p -> p.endsWith(".jar")).containsExactlyInAnyOrder(
                "opt/otelcol/bundles/receiver-otlp-1.jar", "opt/otelcol/bundles/runtime-1.jar");
        Map<String, ImageTarball.File> configLayer = image.layer(3);
        String shipped = configLayer.get("etc/otelcol/config.yaml").text();
        assertThat(shipped).contains("# a test config", "endpoint: 0.0.0.0:4317", "endpoint: 0.0.0.0:4318")
                .doesNotContain("localhost");
        assertThat(configLayer.get("opt/otelcol/config/config.yaml").text()).isEqualTo(shipped);
        assertThat(configLayer.get("etc/otelcol/config.yaml").mode()).isEqualTo(0644);
        assertThat(configLayer).containsKey("opt/otelcol/manifest.yaml");
        // the distribution itself keeps its own config
        assertThat(dist.resolve("config/config.yaml")).hasContent(ImageFixtures.CONFIG);

        assertThat(steps).anyMatch(s -> s.equals("Image config /etc/otelcol/config.yaml: 2 servers moved from loopback "
                + "to 0.0.0.0; ports 4317/tcp, 4318/tcp"))
                .anyMatch(s -> s.startsWith("Wrote image example.com/otelier/otelcol:1.2.0 to " + result.tarball()))
                .anyMatch(s -> s.startsWith("Built image example.com/otelier/otelcol:1.2.0 in"));
    }

    @Test
    void ociFormatAndTheDefaultTarballBesideTheDistribution() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "otelcol", "exit 0\n");
        ImageSpec spec = new ImageSpec("otelier/otelcol:1", "tar://" + baseTarball(), null, false, false, "oci",
                Map.of());
        ImageResult result = ImageBuilder.build(DIST, spec, dist, COMPONENTS, JAVA_HOME, progress);
        assertThat(result.tarball()).isEqualTo(dir.resolve("otelcol-image.tar"));
        assertThat(ImageTarball.read(result.tarball()).entries()).containsKeys("oci-layout", "index.json");
    }

    @Test
    void anUnreachableRegistryBaseFailsClearly() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "otelcol", "exit 0\n");
        String base = "127.0.0.1:" + closedPort() + "/otelier/jre:17";
        ImageSpec spec = new ImageSpec("otelier/otelcol:1", base, null, false, false);
        assertThatThrownBy(() -> ImageBuilder.build(DIST, spec, dist, COMPONENTS, JAVA_HOME, progress))
                .isInstanceOf(BuildException.class)
                .hasMessage("cannot pull the base image " + base + " (image::base): cannot connect to 127.0.0.1:"
                        + base.split("[:/]")[1] + ": Connection refused; the registry is unreachable from here: use "
                        + "base: jlink (made from this JDK, no registry needed) or a `docker save` tarball (base: "
                        + "tar://file.tar)");
        assertThat(dir.resolve("otelcol-image.tar")).doesNotExist();
    }

    @Test
    void aRegistryNameThatDoesNotResolve() {
        assertThat(RegistryProbe.unreachable("registry.invalid", false))
                .contains("cannot connect to registry.invalid: unknown host registry.invalid");
    }

    @Test
    void anUnreachableRegistryToPushToFailsClearly() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "otelcol", "exit 0\n");
        String name = "127.0.0.1:" + closedPort() + "/otelier/otelcol:1";
        ImageSpec spec = new ImageSpec(name, "tar://" + baseTarball(), null, true, true);
        assertThatThrownBy(() -> ImageBuilder.build(DIST, spec, dist, COMPONENTS, JAVA_HOME, progress))
                .isInstanceOf(BuildException.class)
                .hasMessageStartingWith("cannot push the image " + name + " (image::push): cannot connect to ")
                .hasMessageEndingWith("; a registry is unreachable from here");
    }

    /**
     * The jlink base: the build JDK's runtime, the libraries ldd names, a shell and a minimal /etc. The stand-in
     * launcher runs {@code java -version} on it, which the builder's check does before any image is written.
     */
    @Test
    void onTheJlinkBase() throws Exception {
        Path dist = ImageFixtures.distribution(dir, "otelcol", "exec \"$JAVA_HOME/bin/java\" -version\n");
        ImageSpec spec = new ImageSpec("otelier/otelcol:1.2.0", "jlink", dir.resolve("image.tar"), false, false);
        ImageResult result = ImageBuilder.build(DIST, spec, dist, COMPONENTS, JAVA_HOME, progress);
        assertThat(steps).anyMatch(s -> s.matches("(Made|Reused) the jlink base.*: [0-9]+ modules of .*"))
                .anyMatch(s -> s.startsWith("Checked the image's config on the jlink runtime"));

        ImageTarball image = ImageTarball.read(result.tarball());
        JsonNode config = image.config();
        assertThat(config.get("architecture").asText()).isEqualTo(ImageBuilder.architecture());
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(config.at("/config/User").asText()).isEqualTo("10001:10001");
        assertThat(image.env()).contains("JAVA_HOME=/opt/java/openjdk")
                .anyMatch(e -> e.startsWith("PATH=/opt/java/openjdk/bin:"));
        assertThat(image.layerCount()).isEqualTo(5);

        Map<String, ImageTarball.File> runtime = image.layer(0);
        assertThat(runtime.get("opt/java/openjdk/bin/java").mode()).isEqualTo(0755);
        assertThat(runtime).containsKeys("opt/java/openjdk/lib/modules", "opt/java/openjdk/lib/server/libjvm.so",
                "opt/java/openjdk/lib/security/cacerts", "opt/java/openjdk/release")
                .doesNotContainKey("opt/java/openjdk/lib/libawt_xawt.so");

        Map<String, ImageTarball.File> system = image.layer(1);
        assertThat(system.get("bin/sh").mode()).isEqualTo(0755);
        assertThat(system.keySet()).anyMatch(p -> p.matches("lib(64)?/.*ld-linux.*\\.so\\.[0-9]+"))
                .anyMatch(p -> p.endsWith("/libc.so.6")).anyMatch(p -> p.endsWith("/libz.so.1"));
        assertThat(system.get("etc/passwd").text()).contains("otel:x:10001:10001:");
        assertThat(system.get("etc/group").text()).contains("otel:x:10001:");
        assertThat(system.get("etc/nsswitch.conf").text()).contains("hosts: files dns");
        assertThat(system.get("etc/hosts").text()).contains("127.0.0.1\tlocalhost");
        assertThat(system.get("tmp").mode()).isEqualTo(0777);
        assertThat(system.get("home/otel").header().getLongUserId()).isEqualTo(10001);

        // the next build of the same distribution reuses the base
        steps.clear();
        ImageBuilder.build(DIST, spec, dist, COMPONENTS, JAVA_HOME, progress);
        assertThat(steps).anyMatch(s -> s.startsWith("Reused the jlink base from "));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
