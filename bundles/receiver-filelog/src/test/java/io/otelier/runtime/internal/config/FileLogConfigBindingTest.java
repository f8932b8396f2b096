package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.helper.fileconsumer.MultilineConfig;
import io.otelier.helper.stanza.RetryOnFailure;
import io.otelier.receiver.filelog.internal.FileLogConfig;
import io.otelier.receiver.filelog.internal.FileLogReceiverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Upstream-shaped YAML for receivers::file_log, bound by the collector's own binder. */
class FileLogConfigBindingTest {

    @TempDir
    Path dir;

    private final FileLogReceiverFactory factory = new FileLogReceiverFactory();

    @Test
    void theHandsOnSectionBindsWithUpstreamDefaults() {
        FileLogConfig config = bind("""
                include: [ /var/log/cndt-*.json ]
                operators:
                - type: json_parser
                """);
        assertThat(config.include()).containsExactly("/var/log/cndt-*.json");
        assertThat(config.operators()).containsExactly(Map.of("type", "json_parser"));
        assertThat(config.startAt()).isEqualTo("end");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.fingerprintSize()).isEqualTo(1000);
        assertThat(config.maxLogSize()).isEqualTo(1024 * 1024);
        assertThat(config.maxConcurrentFiles()).isEqualTo(1024);
        assertThat(config.encoding()).isEqualTo("utf-8");
        assertThat(config.forceFlushPeriod()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.includeFileName()).isTrue();
        assertThat(config.includeFilePath()).isFalse();
        assertThat(config.storage()).isNull();
        assertThat(config.retryOnFailure()).isEqualTo(RetryOnFailure.defaults());
    }

    @Test
    void everyImplementedUpstreamKeyBinds() {
        FileLogConfig config = bind("""
                include: [ /a/*.log ]
                exclude: [ /a/x.log ]
                exclude_older_than: 1h
                start_at: beginning
                poll_interval: 1s
                max_concurrent_files: 10
                max_batches: 2
                fingerprint_size: 1KiB
                initial_buffer_size: 4096
                max_log_size: 2MiB
                max_log_size_behavior: truncate
                encoding: utf-16le
                multiline:
                  line_start_pattern: '^\\d'
                  omit_pattern: true
                preserve_leading_whitespaces: true
                preserve_trailing_whitespaces: true
                force_flush_period: 0s
                delete_after_read: true
                compression: gzip
                on_truncate: read_new
                include_file_name: false
                include_file_path: true
                include_file_name_resolved: true
                include_file_path_resolved: true
                include_file_owner_name: true
                include_file_owner_group_name: true
                include_file_permissions: true
                include_file_record_number: true
                include_file_record_offset: true
                storage: file_storage/checkpoints
                attributes: { env: prod }
                resource: { host: a }
                retry_on_failure:
                  enabled: true
                  initial_interval: 2s
                operators:
                  - type: regex_parser
                    regex: '^(?P<a>.*)$'
                """);
        assertThat(config.exclude()).containsExactly("/a/x.log");
        assertThat(config.excludeOlderThan()).isEqualTo(Duration.ofHours(1));
        assertThat(config.startAt()).isEqualTo("beginning");
        assertThat(config.maxBatches()).isEqualTo(2);
        assertThat(config.fingerprintSize()).isEqualTo(1024);
        assertThat(config.initialBufferSize()).isEqualTo(4096);
        assertThat(config.maxLogSize()).isEqualTo(2 * 1024 * 1024);
        assertThat(config.truncateOnMaxLogSize()).isTrue();
        assertThat(config.multiline()).isEqualTo(new MultilineConfig("^\\d", "", true));
        assertThat(config.preserveLeadingWhitespaces()).isTrue();
        assertThat(config.forceFlushPeriod()).isZero();
        assertThat(config.compression()).isEqualTo("gzip");
        assertThat(config.onTruncate()).isEqualTo("read_new");
        assertThat(config.includeFileName()).isFalse();
        assertThat(config.includeFileRecordOffset()).isTrue();
        assertThat(config.storage()).isEqualTo("file_storage/checkpoints");
        assertThat(config.attributes()).containsEntry("env", "prod");
        assertThat(config.resource()).containsEntry("host", "a");
        assertThat(config.retryOnFailure()).isEqualTo(new RetryOnFailure(true, Duration.ofSeconds(2),
                Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }

    @Test
    void equalSectionsGiveEqualConfigsSoAReloadKeepsTheRunningReceiver() {
        String yaml = "include: [ /a/*.log ]\nstart_at: beginning\noperators: [ { type: json_parser } ]\n";
        assertThat(bind(yaml)).isEqualTo(bind(yaml)).hasSameHashCodeAs(bind(yaml));
        assertThat(bind(yaml)).isNotEqualTo(bind(yaml + "poll_interval: 1s\n"));
        assertThat(bind(yaml)).isNotEqualTo(bind(yaml + "storage: file_storage\n"));
        assertThat(bind(yaml)).isNotEqualTo(bind(yaml.replace("{ type: json_parser }", "{ type: regex_parser, regex: '^(?P<x>.*)' }")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "header: { pattern: '^#' }|header",
        "ordering_criteria: { top_n: 1 }|ordering_criteria",
        "polls_to_archive: 5|polls_to_archive",
        "acquire_fs_lock: true|acquire_fs_lock",
        "file_cache_advise: true|file_cache_advise",
        "skip_unmodified_files: true|skip_unmodified_files",
        "output: [ x ]|output",
    })
    void unimplementedUpstreamKeysSaySo(String yaml, String key) {
        assertThatThrownBy(() -> bind("include: [ /a ]\n" + yaml + "\n"))
                .hasMessageContaining(key)
                .hasMessageContaining("is not supported by this distribution yet");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "exclude: [ /a ]|'include' must be specified",
        "include: [ '/a/[' ]|include: parse glob: syntax error in pattern",
        "include: [ /a ]\\nfingerprint_size: 15|'fingerprint_size' must be at least 16 bytes",
        "include: [ /a ]\\nmax_log_size: 0|'max_log_size' must be positive",
        "include: [ /a ]\\nmax_concurrent_files: 0|'max_concurrent_files' must be positive",
        "include: [ /a ]\\nmax_batches: -1|'max_batches' must not be negative",
        "include: [ /a ]\\nmax_log_size_behavior: drop|'max_log_size_behavior' must be either 'split' or 'truncate'",
        "include: [ /a ]\\nstart_at: middle|invalid start_at location 'middle'",
        "include: [ /a ]\\nencoding: klingon|unsupported encoding 'klingon'",
        "include: [ /a ]\\ndelete_after_read: true|'delete_after_read' cannot be used with 'start_at: end'",
        "include: [ /a ]\\non_truncate: never|'on_truncate' must be one of: ignore, read_whole_file, read_new",
        "include: [ /a ]\\nmultiline: { line_start_pattern: a, line_end_pattern: b }"
                + "|only one of line_start_pattern or line_end_pattern can be set",
        "include: [ /a ]\\nencoding: nop\\nmultiline: { line_start_pattern: a }"
                + "|line_start_pattern should not be set when using nop encoding",
        "include: [ /a ]\\nfingerprint_size: lots|invalid byte size 'lots'",
        "include: [ /a ]\\noperators: [ { type: no_such_operator } ]|unsupported type 'no_such_operator'",
        "include: [ /a ]\\nstorage: 'bad id/'|storage",
        "include: [ /a ]\\nincludes: [ /b ]|includes",
    })
    void invalidConfigsNameTheProblem(String yaml, String message) {
        assertThatThrownBy(() -> bind(yaml.replace("\\n", "\n") + "\n"))
                .hasMessageContaining(message)
                .hasMessageContaining("receivers::filelog");
    }

    private FileLogConfig bind(String yaml) {
        Path file = dir.resolve("config.yaml");
        try {
            Files.writeString(file, "receivers:\n  filelog:\n" + yaml.indent(4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved =
                new ConfigResolver(name -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get("filelog");
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", "filelog"), factory, raw);
    }
}
