package io.otelier.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.manifest.ComponentEntry;
import io.otelier.builder.manifest.Manifest;
import io.otelier.builder.manifest.ManifestParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * distributions/core and distributions/contrib: their manifests hold literal coordinates, which must follow the
 * project's version and be dependencies of the distribution's pom (so the reactor builds them first).
 */
class DistributionManifestsTest {

    private static final Path DISTRIBUTIONS = Path.of(System.getProperty("otelier.root", "../.."), "distributions");

    private static Manifest manifest(String name) throws Exception {
        return ManifestParser.parse(DISTRIBUTIONS.resolve(name).resolve("manifest.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "contrib"})
    void coordinatesFollowTheProjectVersion(String name) throws Exception {
        Manifest m = manifest(name);
        assertThat(m.dist().version()).isEqualTo(BuilderVersion.get());
        for (ComponentEntry e : m.components()) {
            assertThat(e.bundle()).as(e.location()).isNotNull();
            assertThat(e.bundle().groupId()).as(e.location()).isEqualTo("io.otelier");
            assertThat(e.bundle().version()).as(e.location()).isEqualTo(BuilderVersion.get());
        }
        assertThat(m.config()).isPresent();
        // the image: tagged with the version, on the jlink base (no registry), as a tarball beside the folder
        assertThat(m.image()).isPresent();
        assertThat(m.image().get().name()).isEqualTo("otelier/" + m.dist().name() + ":" + BuilderVersion.get());
        assertThat(m.image().get().base()).isEqualTo("jlink");
        assertThat(m.image().get().tarball()).isNull();
        assertThat(m.image().get().writesTarball()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"core", "contrib"})
    void everyComponentIsADependencyOfThePom(String name) throws Exception {
        List<String> dependencies = pomDependencies(DISTRIBUTIONS.resolve(name).resolve("pom.xml"));
        for (ComponentEntry e : manifest(name).components()) {
            assertThat(dependencies).as("pom.xml of " + name).contains(e.bundle().artifactId());
        }
        assertThat(dependencies).contains("launcher", "runtime");
    }

    @Test
    void contribHasEverythingCoreHas() throws Exception {
        List<String> contrib = manifest("contrib").components().stream().map(e -> e.bundle().toString()).toList();
        assertThat(contrib).containsAll(manifest("core").components().stream().map(e -> e.bundle().toString())
                .toList());
        assertThat(manifest("core").dist().name()).isEqualTo("otelcol");
        assertThat(manifest("contrib").dist().name()).isEqualTo("otelcol-contrib");
    }

    private static List<String> pomDependencies(Path pom) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList deps = doc.getElementsByTagName("dependency");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            out.add(d.getElementsByTagName("artifactId").item(0).getTextContent());
        }
        return out;
    }
}
