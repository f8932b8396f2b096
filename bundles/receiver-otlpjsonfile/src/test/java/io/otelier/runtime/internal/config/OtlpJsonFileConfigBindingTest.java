package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.receiver.otlpjsonfile.internal.OtlpJsonFileConfig;
import io.otelier.receiver.otlpjsonfile.internal.OtlpJsonFileReceiverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream-shaped YAML for receivers::otlpjsonfile, bound by the collector's own binder. */
class OtlpJsonFileConfigBindingTest {

    @TempDir
    Path dir;

    private final OtlpJsonFileReceiverFactory factory = new OtlpJsonFileReceiverFactory();

    @Test
    void upstreamReadmeExampleBinds() {
        OtlpJsonFileConfig config = bind("""
                include:
                  - "/var/log/*.log"
                exclude:
                  - "/var/log/example.log"
                storage: file_storage
                """);
        assertThat(config.include()).containsExactly("/var/log/*.log");
        assertThat(config.exclude()).containsExactly("/var/log/example.log");
        assertThat(config.storage()).isEqualTo("file_storage");
        assertThat(config.startAt()).isEqualTo("end");
    }

    @Test
    void equalSectionsGiveEqualConfigs() {
        assertThat(bind("include: [ /a ]\n")).isEqualTo(bind("include: [ /a ]\n"));
        assertThat(bind("include: [ /a ]\n")).isNotEqualTo(bind("include: [ /a ]\nstorage: file_storage\n"));
    }

    @Test
    void replayFileAndOtherUnimplementedKeysSaySo() {
        assertThatThrownBy(() -> bind("include: [ /a ]\nreplay_file: true\n"))
                .hasMessageContaining(
                        "receivers::otlpjsonfile::replay_file: is not supported by this distribution yet");
        assertThatThrownBy(() -> bind("include: [ /a ]\npolls_to_archive: 3\n"))
                .hasMessageContaining("is not supported by this distribution yet");
    }

    @Test
    void operatorsAreNotAKeyOfThisReceiver() {
        assertThatThrownBy(() -> bind("include: [ /a ]\noperators: []\n")).hasMessageContaining("operators");
        assertThatThrownBy(() -> bind("exclude: [ /a ]\n")).hasMessageContaining("'include' must be specified");
    }

    private OtlpJsonFileConfig bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "receivers:\n  otlpjsonfile:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved =
                new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get("otlpjsonfile");
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", "otlpjsonfile"), factory, raw);
    }
}
