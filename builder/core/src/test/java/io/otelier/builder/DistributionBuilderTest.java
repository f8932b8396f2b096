package io.otelier.builder;

import static io.otelier.builder.fixtures.TestJars.EXPORTER_FACTORY;
import static io.otelier.builder.fixtures.TestJars.RECEIVER_FACTORY;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.builder.fixtures.ComputedTypeFactory;
import io.otelier.builder.fixtures.ConstantTypeFactory;
import io.otelier.builder.fixtures.MapFetcher;
import io.otelier.builder.fixtures.StaticFinalTypeFactory;
import io.otelier.builder.fixtures.TestJars;
import io.otelier.builder.resolve.BaseRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that stop a build before anything is resolved or written. */
class DistributionBuilderTest {

    @TempDir
    Path dir;

    private final MapFetcher fetcher = new MapFetcher();
    private DistributionBuilder builder;

    @BeforeEach
    void setUp() throws Exception {
        builder = new DistributionBuilder(BaseRun.of("test.bndrun", "-runfw: none\n", "1"));
        fetcher.put("t:receiver:1", TestJars.component("t.receiver", ConstantTypeFactory.class, RECEIVER_FACTORY)
                .write(dir.resolve("receiver.jar")));
        fetcher.put("t:receiver2:1", TestJars.component("t.receiver2", ConstantTypeFactory.class, RECEIVER_FACTORY)
                .write(dir.resolve("receiver2.jar")));
        fetcher.put("t:exporter:1", TestJars.component("t.exporter", StaticFinalTypeFactory.class, EXPORTER_FACTORY)
                .write(dir.resolve("exporter.jar")));
        fetcher.put("t:plain:1", TestJars.plain().withClass(ConstantTypeFactory.class).write(dir.resolve("plain.jar")));
        fetcher.put("t:library:1", TestJars.bundle("t.library", "1").write(dir.resolve("library.jar")));
        fetcher.put("t:alias:1", TestJars.component("t.alias", ComputedTypeFactory.class, RECEIVER_FACTORY)
                .header("Provide-Capability", "io.otelier.component;io.otelier.component=fixture_old;kind=receiver")
                .write(dir.resolve("alias.jar")));
    }

    private void build(String manifest) throws Exception {
        Path file = dir.resolve("manifest.yaml");
        Files.writeString(file, manifest);
        builder.build(new BuildRequest(file, dir.resolve("out"), false, fetcher, Progress.SILENT));
    }

    @Test
    void aMissingArtifactNamesTheEntry() {
        assertThatThrownBy(() -> build("receivers: [{bundle: 't:nope:1'}]\n")).isInstanceOf(BuildException.class)
                .hasMessage("receivers[0] (t:nope:1): t:nope:1 was not found in the test repository");
    }

    @Test
    void aPlainJarIsNotABundle() {
        assertThatThrownBy(() -> build("receivers: [{bundle: 't:plain:1'}]\n"))
                .hasMessage("receivers[0] (t:plain:1): plain.jar is not an OSGi bundle (its manifest has no "
                        + "Bundle-SymbolicName)");
    }

    @Test
    void aBundleWithoutFactoryIsNoComponent() {
        assertThatThrownBy(() -> build("exporters: [{bundle: 't:library:1'}]\n"))
                .hasMessage("exporters[0] (t:library:1): bundle t.library provides no component factory (no "
                        + "Declarative Services component providing an io.otelier.api *Factory service)");
    }

    @Test
    void aComponentListedUnderTheWrongKind() {
        assertThatThrownBy(() -> build("exporters: [{bundle: 't:receiver:1'}]\n"))
                .hasMessage("exporters[0] (t:receiver:1): listed under exporters but bundle t.receiver provides "
                        + "receiver \"fixture\"");
    }

    @Test
    void twoBundlesWithTheSameType() {
        assertThatThrownBy(() -> build("receivers: [{bundle: 't:receiver:1'}, {bundle: 't:receiver2:1'}]\n"))
                .hasMessage("two bundles provide receiver \"fixture\": receivers[0] (t:receiver:1) and "
                        + "receivers[1] (t:receiver2:1); keep one of them");
    }

    @Test
    void aTypeEqualToAnotherComponentsAlias() {
        assertThatThrownBy(() -> build("receivers: [{bundle: 't:receiver:1'}, {bundle: 't:alias:1'}]\n"))
                .hasMessageContaining("two bundles provide receiver \"fixture_old\"");
    }

    @Test
    void theSameBundleTwice() {
        assertThatThrownBy(() -> build("receivers: [{bundle: 't:receiver:1'}, {path: ./receiver.jar}]\n"))
                .hasMessage("receivers[1] (" + dir.resolve("receiver.jar")
                        + "): bundle t.receiver is already listed as receivers[0] (t:receiver:1)");
    }

}
