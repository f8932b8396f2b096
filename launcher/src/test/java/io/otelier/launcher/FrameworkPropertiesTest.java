package io.otelier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkPropertiesTest {

    @Test
    void fileInstallWatchesTheDeployFolderOfTheDistribution() {
        Map<String, String> p = Main.frameworkProperties(Path.of("/tmp/storage"), Path.of("/opt/otelcol"));
        assertThat(p).containsEntry("felix.fileinstall.dir", "/opt/otelcol/deploy")
                .containsEntry("felix.fileinstall.poll", "1000")
                .containsEntry("felix.fileinstall.noInitialDelay", "true")
                .containsEntry("felix.fileinstall.bundles.new.start", "true")
                .containsEntry("felix.fileinstall.start.level", "2")
                .containsEntry("felix.fileinstall.log.default", "jul")
                .containsEntry("org.osgi.framework.storage", "/tmp/storage")
                // FileInstall's working folder goes with the storage (its default in /tmp outlived every SIGTERM)
                .containsEntry("felix.fileinstall.tmpdir", Path.of("/tmp/storage/fileinstall").toString());
        assertThat("x.jar").matches(p.get("felix.fileinstall.filter"));
        assertThat("README.txt").doesNotMatch(p.get("felix.fileinstall.filter"));
    }
}
