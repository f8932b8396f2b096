package io.otelier.builder.bundle;

import static io.otelier.builder.fixtures.TestJars.EXPORTER_FACTORY;
import static io.otelier.builder.fixtures.TestJars.RECEIVER_FACTORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.builder.fixtures.ComputedTypeFactory;
import io.otelier.builder.fixtures.ConstantTypeFactory;
import io.otelier.builder.fixtures.InheritedTypeFactory;
import io.otelier.builder.fixtures.StaticFinalTypeFactory;
import io.otelier.builder.fixtures.TestJars;
import io.otelier.builder.manifest.ComponentKind;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleInspectorTest {

    @TempDir
    Path dir;

    @Test
    void aPlainJarIsNoBundle() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.plain().withClass(ConstantTypeFactory.class)
                .write(dir.resolve("plain.jar")));
        assertThat(info.isBundle()).isFalse();
        assertThat(info.factories()).isEmpty();
    }

    @Test
    void aBundleWithoutComponentsHasNoFactories() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.bundle("x.lib;singleton:=true", "2.1")
                .write(dir.resolve("lib.jar")));
        assertThat(info.symbolicName()).isEqualTo("x.lib");
        assertThat(info.module()).isEqualTo("x.lib 2.1");
        assertThat(info.factories()).isEmpty();
    }

    @Test
    void readsTypeAndAliasFromTheBytecode() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.component("x.receiver", ConstantTypeFactory.class,
                RECEIVER_FACTORY).write(dir.resolve("r.jar")));
        assertThat(info.factories()).containsExactly(new FactoryInfo(ComponentKind.RECEIVER, Optional.of("fixture"),
                Optional.of("fixture_old"), ConstantTypeFactory.class.getName()));
    }

    @Test
    void readsAStaticFinalConstant() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.component("x.exporter", StaticFinalTypeFactory.class,
                EXPORTER_FACTORY).write(dir.resolve("e.jar")));
        assertThat(info.factories()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ComponentKind.EXPORTER);
            assertThat(f.type()).contains("other");
            assertThat(f.deprecatedType()).isEmpty();
        });
    }

    @Test
    void followsTheSuperClassInsideTheBundle() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.component("x.inherit", InheritedTypeFactory.class,
                RECEIVER_FACTORY).withClass(ConstantTypeFactory.class).write(dir.resolve("i.jar")));
        assertThat(info.factories()).singleElement().satisfies(f -> {
            assertThat(f.type()).contains("fixture");
            assertThat(f.deprecatedType()).contains("fixture_old");
        });
    }

    @Test
    void aComputedTypeIsUnknownStatically() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.component("x.computed", ComputedTypeFactory.class,
                RECEIVER_FACTORY).write(dir.resolve("c.jar")));
        assertThat(info.factories()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEmpty();
            assertThat(f.describe()).isEqualTo("receiver " + ComputedTypeFactory.class.getName());
        });
    }

    @Test
    void aDeclaredCapabilityNamesTheType() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.component("x.declared", ComputedTypeFactory.class,
                RECEIVER_FACTORY)
                .header("Provide-Capability", "io.otelier.component;io.otelier.component=declared;kind=receiver;"
                        + "deprecated=declared_old")
                .write(dir.resolve("d.jar")));
        assertThat(info.factories()).singleElement().satisfies(f -> {
            assertThat(f.type()).contains("declared");
            assertThat(f.deprecatedType()).contains("declared_old");
        });
    }

    @Test
    void servicesOtherThanFactoriesAreNotComponents() throws Exception {
        BundleInfo info = BundleInspector.inspect(TestJars.component("x.other", ConstantTypeFactory.class,
                "java.lang.Runnable").write(dir.resolve("o.jar")));
        assertThat(info.isBundle()).isTrue();
        assertThat(info.factories()).isEmpty();
    }
}
