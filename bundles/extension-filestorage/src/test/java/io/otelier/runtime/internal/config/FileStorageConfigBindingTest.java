package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.extension.filestorage.internal.FileStorageConfig;
import io.otelier.extension.filestorage.internal.FileStorageFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream-shaped YAML for extensions::file_storage, bound and validated by the collector's own binder. */
class FileStorageConfigBindingTest {

    @TempDir
    Path dir;

    private final FileStorageFactory factory = new FileStorageFactory();

    @Test
    void upstreamsAllSettingsExampleBinds() {
        // upstream's testdata/config.yaml file_storage/all_settings, plus the README's keys
        FileStorageConfig config = bind("""
                directory: %1$s
                max_size: 268435456
                compaction:
                  directory: %1$s
                  on_start: true
                  on_rebound: true
                  rebound_trigger_threshold_mib: 16
                  rebound_needed_threshold_mib: 128
                  max_transaction_size: 2048
                  check_interval: 2s
                  cleanup_on_start: true
                timeout: 2s
                fsync: true
                create_directory: true
                directory_permissions: "0700"
                recreate: true
                """.formatted(dir));
        assertThat(config).isEqualTo(new FileStorageConfig(dir.toString(), Duration.ofSeconds(2), 268435456L,
                new FileStorageConfig.Compaction(dir.toString(), true, true, 128, 16, 2048, Duration.ofSeconds(2),
                        true),
                true, true, "0700", true));
    }

    @Test
    void aBareSectionTakesTheDefaultsAndPartialCompactionKeepsTheRest() {
        FileStorageConfig config = bind("directory: " + dir + "\ncompaction:\n  on_start: true\n  directory: " + dir
                + "\n");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.compaction().onStart()).isTrue();
        assertThat(config.compaction().maxTransactionSize()).isEqualTo(65536);
        assertThat(config.compaction().reboundNeededThresholdMib()).isEqualTo(100);
        assertThat(config.compaction().checkInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void typosAndInvalidValuesAreRejected() {
        assertThatThrownBy(() -> bind("directory: " + dir + "\nfsnyc: true\n")).hasMessageContaining("fsnyc");
        assertThatThrownBy(() -> bind("directory: " + dir + "/missing\n"))
                .hasMessageContaining("extensions::file_storage::directory")
                .hasMessageContaining("directory must exist");
        assertThatThrownBy(() -> bind("directory: " + dir + "\ncompaction:\n  on_rebound: true\n  directory: " + dir
                + "\n  check_interval: 0s\n"))
                .hasMessageContaining("compaction check interval must be positive when rebound compaction is set");
    }

    private FileStorageConfig bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "extensions:\n  file_storage:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("extensions")).get("file_storage");
        FileStorageConfig config = new ConfigBinder(resolved.sources()).bind(List.of("extensions", "file_storage"),
                factory, raw);
        return config;
    }
}
