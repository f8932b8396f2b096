package io.otelier.receiver.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.testkit.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file_sd_configs: formats, change detection, refresh interval, unreadable files. */
class FileDiscoveryTest {

    @TempDir
    Path dir;

    private final RecordingLogger logger = new RecordingLogger();

    private FileDiscovery discovery(String pattern, Duration refresh) {
        return new FileDiscovery(new ScrapeConfig.FileSdConfig(List.of(dir.resolve(pattern).toString()), refresh),
                logger);
    }

    @Test
    void readsJsonAndYamlWithFilepathLabel() throws Exception {
        Files.writeString(dir.resolve("a.json"), "[{\"targets\": [\"a:1\", \"b:2\"], \"labels\": {\"env\": \"x\"}}]");
        Files.writeString(dir.resolve("b.yml"), "- targets: ['c:3']\n");
        Files.writeString(dir.resolve("ignored.txt"), "junk");
        List<TargetGroup> json = discovery("*.json", Duration.ofMinutes(5)).poll(0);
        assertThat(json).hasSize(1);
        assertThat(json.get(0).targets()).containsExactly(Map.of("__address__", "a:1"), Map.of("__address__", "b:2"));
        assertThat(json.get(0).labels()).containsEntry("env", "x")
                .containsEntry("__meta_filepath", dir.resolve("a.json").toString());
        assertThat(json.get(0).source()).isEqualTo(dir.resolve("a.json") + ":0");
        List<TargetGroup> yaml = discovery("*.yml", Duration.ofMinutes(5)).poll(0);
        assertThat(yaml.get(0).targets()).containsExactly(Map.of("__address__", "c:3"));
    }

    @Test
    void changesAreSeenAtOnceAndUnchangedFilesAreNotReread() throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "[{\"targets\": [\"a:1\"]}]");
        FileDiscovery d = discovery("t.json", Duration.ofMinutes(5));
        assertThat(d.poll(0)).hasSize(1);
        assertThat(d.poll(1)).as("nothing changed").isNull();

        Files.writeString(file, "[{\"targets\": [\"a:1\", \"b:2\"]}]");
        assertThat(d.poll(2).get(0).targets()).hasSize(2);

        Files.delete(file);
        assertThat(d.poll(3)).as("a removed file removes its targets").isEmpty();
    }

    @Test
    void refreshIntervalRereadsEvenWithoutChange() throws Exception {
        Files.writeString(dir.resolve("t.json"), "[{\"targets\": [\"a:1\"]}]");
        FileDiscovery d = discovery("t.json", Duration.ofSeconds(30));
        assertThat(d.poll(0)).isNotNull();
        assertThat(d.poll(Duration.ofSeconds(29).toNanos())).isNull();
        assertThat(d.poll(Duration.ofSeconds(31).toNanos())).isNotNull();
    }

    @Test
    void aBrokenFileKeepsItsPreviousTargets() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "- targets: ['a:1']\n");
        FileDiscovery d = discovery("t.yaml", Duration.ofMinutes(5));
        assertThat(d.poll(0)).hasSize(1);
        Files.writeString(file, "- targets: ['a:1'\n  labels: [oops\n");
        List<TargetGroup> after = d.poll(1);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).targets()).containsExactly(Map.of("__address__", "a:1"));
        assertThat(logger.contains("Error reading file")).isTrue();
    }

    @Test
    void patternsMustNameJsonOrYamlFiles() {
        assertThat(FileDiscovery.isValidPattern("/etc/prom/*.json")).isTrue();
        assertThat(FileDiscovery.isValidPattern("targets.yml")).isTrue();
        assertThat(FileDiscovery.isValidPattern("/etc/*/targets.json")).isFalse();
        assertThat(FileDiscovery.isValidPattern("targets.txt")).isFalse();
    }
}
