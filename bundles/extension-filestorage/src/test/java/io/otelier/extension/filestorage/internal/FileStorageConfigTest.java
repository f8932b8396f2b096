package io.otelier.extension.filestorage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileStorageConfigTest {

    @TempDir
    static Path dir;

    @Test
    void defaultsAreUpstreams() {
        FileStorageConfig c = FileStorageConfig.defaults();
        assertThat(c.directory()).isEqualTo("/var/lib/otelcol/file_storage");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.maxSize()).isZero();
        assertThat(c.fsync()).isFalse();
        assertThat(c.createDirectory()).isFalse();
        assertThat(c.directoryPermissions()).isEqualTo("0750");
        assertThat(c.recreate()).isFalse();
        assertThat(c.compaction()).isEqualTo(new FileStorageConfig.Compaction("/var/lib/otelcol/file_storage", false,
                false, 100, 10, 65536, Duration.ofSeconds(5), false));
    }

    /** A valid config on the test's directory, changed by each case. */
    private static FileStorageConfig base() {
        FileStorageConfig d = FileStorageConfig.defaults();
        return new FileStorageConfig(dir.toString(), d.timeout(), 0, compaction(d.compaction(), dir.toString(),
                false, false), false, false, "0750", false);
    }

    private static FileStorageConfig.Compaction compaction(FileStorageConfig.Compaction c, String directory,
            boolean onStart, boolean onRebound) {
        return new FileStorageConfig.Compaction(directory, onStart, onRebound, c.reboundNeededThresholdMib(),
                c.reboundTriggerThresholdMib(), c.maxTransactionSize(), c.checkInterval(), c.cleanupOnStart());
    }

    private static FileStorageConfig with(UnaryOperator<FileStorageConfig> change) {
        return change.apply(base());
    }

    private static FileStorageConfig directory(FileStorageConfig c, String d) {
        return new FileStorageConfig(d, c.timeout(), c.maxSize(), c.compaction(), c.fsync(), c.createDirectory(),
                c.directoryPermissions(), c.recreate());
    }

    private static FileStorageConfig createDirectory(FileStorageConfig c, String permissions) {
        return new FileStorageConfig(c.directory(), c.timeout(), c.maxSize(), c.compaction(), c.fsync(), true,
                permissions, c.recreate());
    }

    private static FileStorageConfig maxSize(FileStorageConfig c, long maxSize) {
        return new FileStorageConfig(c.directory(), c.timeout(), maxSize, c.compaction(), c.fsync(),
                c.createDirectory(), c.directoryPermissions(), c.recreate());
    }

    private static FileStorageConfig compaction(FileStorageConfig c, FileStorageConfig.Compaction compaction) {
        return new FileStorageConfig(c.directory(), c.timeout(), c.maxSize(), compaction, c.fsync(),
                c.createDirectory(), c.directoryPermissions(), c.recreate());
    }

    private static FileStorageConfig.Compaction rebound(String directory, long needed, long trigger, long maxTx,
            Duration interval) {
        return new FileStorageConfig.Compaction(directory, false, true, needed, trigger, maxTx, interval, false);
    }

    static Stream<Arguments> invalid() throws IOException {
        Path file = Files.createTempFile("file-storage", ".txt");
        file.toFile().deleteOnExit();
        String missing = "/nonexistent/otelier/storage";
        String here = dir.toString();
        return Stream.of(
                Arguments.of("missing directory", with(c -> directory(c, missing)), "directory",
                        "directory must exist: stat " + missing + ": no such file or directory. You can enable the "
                                + "create_directory option to automatically create it"),
                Arguments.of("a file, not a directory", with(c -> directory(c, file.toString())), "directory",
                        file + " is not a directory"),
                Arguments.of("missing compaction directory with compaction on",
                        with(c -> compaction(c, new FileStorageConfig.Compaction(missing, true, false, 100, 10, 0,
                                Duration.ofSeconds(5), false))),
                        "compaction::directory", "directory must exist: stat " + missing),
                Arguments.of("negative max_transaction_size",
                        with(c -> compaction(c, rebound(here, 100, 10, -1, Duration.ofSeconds(5)))),
                        "compaction::max_transaction_size",
                        "max transaction size for compaction cannot be less than 0"),
                Arguments.of("negative max_size", with(c -> maxSize(c, -1)), "max_size",
                        "max size cannot be less than 0"),
                Arguments.of("needed threshold over max_size",
                        with(c -> compaction(maxSize(c, 50 * 1024 * 1024), rebound(here, 100, 10, 0,
                                Duration.ofSeconds(5)))),
                        "compaction::rebound_needed_threshold_mib",
                        "compaction rebound needed threshold cannot be greater than max size"),
                Arguments.of("trigger threshold over max_size",
                        with(c -> compaction(maxSize(c, 50 * 1024 * 1024), rebound(here, 40, 60, 0,
                                Duration.ofSeconds(5)))),
                        "compaction::rebound_trigger_threshold_mib",
                        "compaction rebound trigger threshold cannot be greater than max size"),
                Arguments.of("zero check_interval with rebound",
                        with(c -> compaction(c, rebound(here, 100, 10, 0, Duration.ZERO))),
                        "compaction::check_interval",
                        "compaction check interval must be positive when rebound compaction is set"),
                Arguments.of("permissions not octal", with(c -> createDirectory(c, "0x755")), "directory_permissions",
                        "directory_permissions value must be a valid octal representation"),
                Arguments.of("permissions beyond rwx", with(c -> createDirectory(c, "1777")), "directory_permissions",
                        "directory_permissions contain invalid bits for file access"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidConfigsNameTheFieldAndProblem(String name, FileStorageConfig config, String field, String problem) {
        assertThatThrownBy(config::validate).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(String.join("::", e.path())).isEqualTo(field);
            assertThat(e.problem()).startsWith(problem);
        });
    }

    @Test
    void validConfigs() {
        assertThatCode(() -> base().validate()).doesNotThrowAnyException();
        // a missing directory is fine when it will be created; the permissions then matter
        assertThatCode(() -> createDirectory(directory(base(), dir.resolve("new/sub").toString()), "0700").validate())
                .doesNotThrowAnyException();
        // the compaction directory is only checked when compaction is on
        assertThatCode(() -> compaction(base(), compaction(base().compaction(), "/nonexistent", false, false))
                .validate()).doesNotThrowAnyException();
        // like upstream, directory_permissions without create_directory is ignored
        assertThatCode(() -> new FileStorageConfig(dir.toString(), Duration.ZERO, 0, base().compaction(), true,
                false, "garbage", true).validate()).doesNotThrowAnyException();
        assertThatCode(() -> compaction(maxSize(base(), 200 * 1024 * 1024), rebound(dir.toString(), 100, 10, 0,
                Duration.ofSeconds(1))).validate()).doesNotThrowAnyException();
    }

    @Test
    void anUnwritableDirectoryIsRejected() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assertThat(readOnly.toFile().setWritable(false, false)).isTrue();
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly), "running as root");
            assertThatThrownBy(() -> directory(base(), readOnly.toString()).validate())
                    .hasMessageEndingWith(readOnly + " is not writable");
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }
}
