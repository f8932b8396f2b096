package io.otelier.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminDiscoveryTest {

    @Test
    void theFolderIsUnderXdgRuntimeDirWhenThereIsOne(@TempDir Path xdg) {
        assertThat(AdminDiscovery.folder(Map.of("XDG_RUNTIME_DIR", xdg.toString()))).isEqualTo(xdg.resolve("otelier"));
        assertThat(AdminDiscovery.folder(Map.of()).getFileName().toString()).startsWith("otelier-");
    }

    @Test
    void entriesOfLiveProcessesAreFoundAndDeadOnesRemoved(@TempDir Path dir) throws Exception {
        Path folder = AdminDiscovery.createFolder(dir.resolve("otelier"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        long self = ProcessHandle.current().pid();
        AdminDiscovery.write(folder, new AdminDiscovery.Entry(self, "127.0.0.1:1234", Path.of("/x/\"t\".token")));
        Path dead = AdminDiscovery.write(folder, new AdminDiscovery.Entry(Integer.MAX_VALUE - 1, "127.0.0.1:1",
                Path.of("/y")));

        assertThat(AdminDiscovery.running(folder)).containsExactly(
                new AdminDiscovery.Entry(self, "127.0.0.1:1234", Path.of("/x/\"t\".token")));
        assertThat(dead).doesNotExist();
    }

    @Test
    void aMissingFolderMeansNothingRuns(@TempDir Path dir) throws Exception {
        assertThat(AdminDiscovery.running(dir.resolve("none"))).isEmpty();
        assertThat(AdminDiscovery.parse("{\"pid\": 1}")).isNull();
    }
}
