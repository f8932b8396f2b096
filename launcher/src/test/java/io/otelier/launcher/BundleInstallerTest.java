package io.otelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

class BundleInstallerTest {

    @TempDir
    Path dir;

    private static void bundle(Path jar, String bsn) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        m.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.closeEntry();
        }
    }

    /** The framework reads bundles/ in place: nothing of theirs is copied into the per-process storage. */
    @Test
    void installsByReferenceInNameOrderAndStartsEach() throws Exception {
        // a space in the path, as a user's install folder may have: the reference location is a file: URI
        Path bundles = Files.createDirectories(dir.resolve("my otelcol/bundles"));
        bundle(bundles.resolve("b.jar"), "io.otelier.runtime");
        bundle(bundles.resolve("a.jar"), "io.otelier.a");
        Files.writeString(bundles.resolve("README.txt"), "not a bundle");
        Path storage = dir.resolve("storage");
        Framework framework = new FrameworkFactory().newFramework(Map.of("org.osgi.framework.storage",
                storage.toString(), "org.osgi.framework.startlevel.beginning", "3"));
        framework.init();
        try {
            BundleInstaller installer = new BundleInstaller(framework.getBundleContext());
            installer.installAll(bundles, dir.resolve("missing"));
            framework.start();
            installer.startAll();

            List<Bundle> installed = Stream.of(framework.getBundleContext().getBundles())
                    .filter(b -> b.getBundleId() != 0).toList();
            assertThat(installed).extracting(Bundle::getLocation).containsExactly(
                    "reference:" + bundles.resolve("a.jar").toUri(), "reference:" + bundles.resolve("b.jar").toUri());
            assertThat(installed).extracting(Bundle::getState).containsOnly(Bundle.ACTIVE);
            assertThat(installed).extracting(b -> b.adapt(BundleStartLevel.class).getStartLevel())
                    .containsExactly(BundleInstaller.DEFAULT_START_LEVEL, BundleInstaller.RUNTIME_START_LEVEL);
            try (Stream<Path> files = Files.walk(storage)) {
                assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("bundle.jar");
            }
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }
}
