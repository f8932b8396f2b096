package io.otelier.builder.resolve;

import static io.otelier.builder.fixtures.TestJars.RECEIVER_FACTORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.builder.BuildException;
import io.otelier.builder.fixtures.ConstantTypeFactory;
import io.otelier.builder.fixtures.TestJars;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bnd resolver on a minimal base (only the framework) and small fixture bundles. */
class OsgiResolverTest {

    private static final String COMPONENT = "receivers[0] (t:receiver:1)";

    @TempDir
    Path dir;

    private BaseRun base;
    private Repository repository;

    @BeforeEach
    void setUp() throws Exception {
        base = BaseRun.of("test.bndrun", "-runfw: org.apache.felix.framework;version='[7,8)'\n-runee: JavaSE-17\n",
                "1");
        repository = new Repository();
        Path felix = Path.of(Felix.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        repository.add(felix, "the base");
    }

    private Candidate component(String imports) throws Exception {
        TestJars jar = TestJars.component("t.receiver", ConstantTypeFactory.class, RECEIVER_FACTORY);
        if (imports != null) {
            jar.header("Import-Package", imports);
        }
        return repository.add(jar.write(dir.resolve("receiver.jar")), COMPONENT).orElseThrow();
    }

    private void library(String name, String exports, String imports) throws Exception {
        TestJars jar = TestJars.bundle(name, "1.0.0").header("Export-Package", exports);
        if (imports != null) {
            jar.header("Import-Package", imports);
        }
        repository.add(jar.write(dir.resolve(name + ".jar")), COMPONENT);
    }

    @Test
    void resolvesTheClosureAndKeepsTheFrameworkApart() throws Exception {
        Candidate c = component("t.lib.api;version=\"[1,2)\",org.osgi.framework");
        library("t.lib", "t.lib.api;version=1.0", null);
        library("t.unused", "t.unused.api;version=1.0", null);
        Resolution r = OsgiResolver.resolve(base, repository, List.of(c));
        assertThat(r.framework().symbolicName()).isEqualTo("org.apache.felix.framework");
        assertThat(r.bundles()).extracting(Candidate::symbolicName).containsExactly("t.lib", "t.receiver");
    }

    @Test
    void aMissingPackageIsNamedWithTheComponent() throws Exception {
        Candidate c = component("com.example.missing;version=\"[1,2)\"");
        assertThatThrownBy(() -> OsgiResolver.resolve(base, repository, List.of(c)))
                .isInstanceOf(BuildException.class)
                .hasMessage("component " + COMPONENT + " needs package com.example.missing; version=[1.0.0,2.0.0), "
                        + "which no bundle provides");
    }

    @Test
    void multiReleaseVariantsForOtherJavaVersionsAreNoProblem() throws Exception {
        // SnakeYAML is a multi-release jar: bnd adds a synthetic resource per Java release, and those for other
        // releases fail on their execution environment whenever resolution fails
        repository.add(Path.of(org.yaml.snakeyaml.Yaml.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()), COMPONENT);
        Candidate c = component("org.yaml.snakeyaml,com.example.missing");
        assertThatThrownBy(() -> OsgiResolver.resolve(base, repository, List.of(c)))
                .hasMessage("component " + COMPONENT + " needs package com.example.missing, which no bundle provides");
    }

    @Test
    void aMissingPackageOfADependencyNamesTheComponentAndTheBundle() throws Exception {
        Candidate c = component("t.lib.api");
        library("t.lib", "t.lib.api;version=1.0", "com.example.deeper");
        assertThatThrownBy(() -> OsgiResolver.resolve(base, repository, List.of(c)))
                .hasMessage("component " + COMPONENT + ", through bundle t.lib 1.0.0, needs package "
                        + "com.example.deeper, which no bundle provides");
    }

    @Test
    void anUnknownFrameworkIsReported() throws Exception {
        BaseRun other = BaseRun.of("other.bndrun", "-runfw: org.eclipse.osgi\n", "1");
        Candidate c = component(null);
        assertThatThrownBy(() -> OsgiResolver.resolve(other, repository, List.of(c)))
                .hasMessageContaining("other.bndrun: the framework org.eclipse.osgi 0 is not among the fetched "
                        + "bundles");
    }
}
