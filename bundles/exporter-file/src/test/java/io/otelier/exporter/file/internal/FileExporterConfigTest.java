package io.otelier.exporter.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FileExporterConfigTest {

    private static final FileExporterConfig.GroupBy NO_GROUPS = FileExporterConfig.GroupBy.defaults();
    private static final FileExporterConfig.Rotation ROTATION = FileExporterConfig.Rotation.defaults();

    private static FileExporterConfig cfg(String path, boolean append, FileExporterConfig.Rotation rotation,
            String format, String compression, Duration flush, boolean createDir, String perms,
            FileExporterConfig.GroupBy groupBy) {
        return new FileExporterConfig(path, append, rotation, format, compression, flush, createDir, perms, groupBy);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(cfg("", false, null, "json", "", Duration.ZERO, false, "", NO_GROUPS),
                        "path: path must be non-empty"),
                Arguments.of(cfg("a", true, ROTATION, "json", "", Duration.ZERO, false, "", NO_GROUPS),
                        "append: append and rotation enabled at the same time is not supported"),
                Arguments.of(cfg("a", false, new FileExporterConfig.Rotation(-1, 0, 0, false), "json", "",
                        Duration.ZERO, false, "", NO_GROUPS),
                        "rotation: rotation max_megabytes, max_days and max_backups must not be negative"),
                Arguments.of(cfg("a", false, null, "text", "", Duration.ZERO, false, "", NO_GROUPS),
                        "format: format type \"text\" is not supported (valid: json, proto)"),
                Arguments.of(cfg("a", false, null, "json", "gzip", Duration.ZERO, false, "", NO_GROUPS),
                        "compression: compression \"gzip\" is not supported (valid: zstd)"),
                Arguments.of(cfg("a", false, null, "json", "", Duration.ofSeconds(-1), false, "", NO_GROUPS),
                        "flush_interval: flush_interval must be larger than zero"),
                Arguments.of(cfg("a", false, null, "json", "", Duration.ZERO, false, "0755", NO_GROUPS),
                        "directory_permissions: directory_permissions requires create_directory to be true"),
                Arguments.of(cfg("a", false, null, "json", "", Duration.ZERO, true, "0x1", NO_GROUPS),
                        "directory_permissions: directory_permissions value must be a valid octal representation"
                                + " (got \"0x1\")"),
                Arguments.of(cfg("a", false, null, "json", "", Duration.ZERO, true, "1755", NO_GROUPS),
                        "directory_permissions: directory_permissions contain invalid bits for file access"
                                + " (got \"1755\")"),
                Arguments.of(cfg("/d/x.json", false, null, "json", "", Duration.ZERO, false, "",
                        new FileExporterConfig.GroupBy(true, "k", 1)),
                        "path: path must contain exactly one * when group_by is enabled (got \"/d/x.json\")"),
                Arguments.of(cfg("/d/*/*.json", false, null, "json", "", Duration.ZERO, false, "",
                        new FileExporterConfig.GroupBy(true, "k", 1)),
                        "path: path must contain exactly one * when group_by is enabled (got \"/d/*/*.json\")"),
                Arguments.of(cfg("*.json", false, null, "json", "", Duration.ZERO, false, "",
                        new FileExporterConfig.GroupBy(true, "k", 1)),
                        "path: path must not start with * when group_by is enabled (got \"*.json\")"),
                Arguments.of(cfg("/d/*.json", false, null, "json", "", Duration.ZERO, false, "",
                        new FileExporterConfig.GroupBy(true, "", 1)),
                        "group_by::resource_attribute: resource_attribute must not be empty when group_by is enabled"),
                Arguments.of(cfg("/d/*.json", false, null, "json", "", Duration.ZERO, false, "",
                        new FileExporterConfig.GroupBy(true, "k", 0)),
                        "group_by::max_open_files: max_open_files must be positive when group_by is enabled (got 0)"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidCombinations(FileExporterConfig config, String message) {
        assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void acceptsValidOnes() {
        assertThatCode(() -> cfg("/d/*.json", true, null, "proto", "zstd", Duration.ofSeconds(5), true, "0700",
                new FileExporterConfig.GroupBy(true, "k", 3)).validate()).doesNotThrowAnyException();
        // group_by off: the path may hold any number of *
        assertThatCode(() -> cfg("*x*", false, ROTATION, "json", "", Duration.ZERO, false, "", NO_GROUPS)
                .validate()).doesNotThrowAnyException();
    }

    @Test
    void defaultsAreUpstreams() {
        FileExporterConfig d = FileExporterConfig.defaults();
        assertThat(d.format()).isEqualTo("json");
        assertThat(d.rotation()).isNull();
        assertThat(d.append()).isFalse();
        assertThat(d.effectiveFlushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.groupBy()).isEqualTo(new FileExporterConfig.GroupBy(false, "fileexporter.path_segment", 100));
        assertThat(d.lengthPrefixed()).isFalse();
        assertThatThrownBy(d::validate).hasMessage("path: path must be non-empty");
    }
}
