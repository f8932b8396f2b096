package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reload accepts that startup does not, and how config file changes are noticed. */
class HotSwapConfigTest {

    private static final String WITH_UNKNOWN_EXPORTER = """
            receivers:
              nop:
            exporters:
              counting/x:
                anything: 1
            service:
              pipelines:
                traces:
                  receivers: [nop]
                  exporters: [counting/x]
            """;

    @Test
    void atStartupAnUnknownTypeIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, WITH_UNKNOWN_EXPORTER);
        assertThatThrownBy(() -> ConfigService.load(List.of(file.toString()), List.of(), k -> null,
                TestFactories.standard())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown type \"counting\"");
    }

    @Test
    void aReloadKeepsAnUnknownTypeAsPendingForItsFactory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, WITH_UNKNOWN_EXPORTER);
        LoadedConfig loaded = ConfigService.load(List.of(file.toString()), List.of(), k -> null,
                TestFactories.standard(), true);
        assertThat(loaded.config().exporters())
                .containsEntry(ComponentId.of("counting", "x"), new PendingConfig(ComponentKind.EXPORTER, "counting"));
    }

    @Test
    void theAcceptedTreeBindsAgainOnceTheFactoryIsThere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, WITH_UNKNOWN_EXPORTER.replace("counting/x", "debug/x").replace("    anything: 1\n",
                "    verbosity: detailed\n"));
        LoadedConfig first = ConfigService.load(List.of(file.toString()), List.of(), k -> null,
                FactoryLookup.of(List.of()), true);
        assertThat(first.config().exporters().get(ComponentId.of("debug", "x"))).isInstanceOf(PendingConfig.class);
        Files.writeString(file, "broken: [");

        LoadedConfig again = ConfigService.rebind(first.raw(), TestFactories.standard());

        assertThat(again.config().exporters().get(ComponentId.of("debug", "x")))
                .isEqualTo(new TestFactories.DebugConfig(TestFactories.Verbosity.DETAILED, 2, 1));
    }

    @Test
    void aReloadStillRejectsWhatIsWrongWithKnownTypes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, WITH_UNKNOWN_EXPORTER.replace("  nop:\n", "  nop:\n    typo: 1\n"));
        assertThatThrownBy(() -> ConfigService.load(List.of(file.toString()), List.of(), k -> null,
                TestFactories.standard(), true)).isInstanceOf(ConfigException.class).hasMessageContaining("typo");
    }

    @Test
    void theWatcherSeesEditsAndIgnoresTouches(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "a: 1\n");
        ConfigFileWatcher watcher = new ConfigFileWatcher(List.of("file:" + file, "env:X", "yaml:a::b: 1"));
        assertThat(watcher.watchesAnything()).isTrue();
        assertThat(watcher.changed()).isFalse();
        Files.writeString(file, "a: 1\n");
        assertThat(watcher.changed()).as("same content").isFalse();
        Files.writeString(file, "a: 2\n");
        assertThat(watcher.changed()).isTrue();
        assertThat(watcher.changed()).isFalse();
    }

    /** A ConfigMap volume: config.yaml → ..data/config.yaml, ..data → ..2024_1; an update swaps ..data. */
    @Test
    void theWatcherFollowsAConfigMapSymlinkSwap(@TempDir Path dir) throws Exception {
        Path v1 = Files.createDirectory(dir.resolve("..2024_1"));
        Files.writeString(v1.resolve("config.yaml"), "a: 1\n");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("config.yaml"), Path.of("..data/config.yaml"));
        ConfigFileWatcher watcher = new ConfigFileWatcher(List.of(dir.resolve("config.yaml").toString()));

        Path v2 = Files.createDirectory(dir.resolve("..2024_2"));
        Files.writeString(v2.resolve("config.yaml"), "a: 2\n");
        Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
        Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        assertThat(watcher.changed()).isTrue();
    }

    @Test
    void onlyFileSourcesAreWatched() {
        assertThat(ConfigFileWatcher.filesOf(List.of("a.yaml", "file:/b.yaml", "env:C", "yaml:x: 1")))
                .containsExactly(Path.of("a.yaml").toAbsolutePath(), Path.of("/b.yaml"));
        assertThat(new ConfigFileWatcher(List.of("env:C")).watchesAnything()).isFalse();
        assertThat(Map.of()).isEmpty();
    }
}
