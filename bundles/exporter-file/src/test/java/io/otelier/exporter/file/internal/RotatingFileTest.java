package io.otelier.exporter.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileTest {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path dir;

    private final Samples.MovableClock clock = new Samples.MovableClock(Instant.parse("2026-11-26T06:01:02.345Z"));

    private static byte[] record(int size, char fill) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) fill);
        b[size - 1] = '\n';
        return b;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rotatesBeforeAWriteThatWouldPassTheLimitWithUpstreamNames() throws IOException {
        Path path = dir.resolve("all.json");
        try (RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 0, 100, false), clock)) {
            file.write(record(600 * 1024, 'a'));
            file.write(record(400 * 1024, 'b')); // exactly 1000 KiB: still fits
            assertThat(names()).containsExactly("all.json");
            file.write(record(100 * 1024, 'c')); // 1100 KiB > 1 MiB
            assertThat(names()).containsExactly("all-2026-11-26T06-01-02.345-size.json", "all.json");
            assertThat(Files.size(dir.resolve("all-2026-11-26T06-01-02.345-size.json"))).isEqualTo(1000 * 1024);
            assertThat(Files.size(path)).isEqualTo(100 * 1024);
        }
    }

    @Test
    void keepsMaxBackupsNewest() throws IOException {
        Path path = dir.resolve("all.json");
        try (RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 0, 2, false), clock)) {
            for (int i = 0; i < 5; i++) {
                file.write(record(MB - 10, (char) ('a' + i)));
                clock.advanceMillis(1500);
            }
        }
        // five files written: four rotations, the two newest backups stay
        assertThat(names()).containsExactly(
                "all-2026-11-26T06-01-06.845-size.json",
                "all-2026-11-26T06-01-08.345-size.json",
                "all.json");
        assertThat(Files.readAllBytes(path)[0]).isEqualTo((byte) 'e');
        assertThat(Files.readAllBytes(dir.resolve("all-2026-11-26T06-01-08.345-size.json"))[0])
                .isEqualTo((byte) 'd');
    }

    @Test
    void deletesBackupsOlderThanMaxDays() throws IOException {
        Path path = dir.resolve("x.log");
        Files.writeString(dir.resolve("x-2026-11-20T00-00-00.000-size.log"), "old");
        Files.writeString(dir.resolve("x-2026-11-26T00-00-00.000-size.log"), "recent");
        Files.writeString(dir.resolve("unrelated-2026-11-20T00-00-00.000-size.log"), "keep");
        try (RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 2, 0, false), clock)) {
            file.write(record(10, 'a'));
        }
        assertThat(names()).containsExactly("unrelated-2026-11-20T00-00-00.000-size.log",
                "x-2026-11-26T00-00-00.000-size.log", "x.log");
    }

    @Test
    void twoRotationsInOneMillisecondKeepBothBackups() throws IOException {
        Path path = dir.resolve("a.json");
        try (RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 0, 100, false), clock)) {
            file.write(record(MB - 1, 'a'));
            file.write(record(MB - 1, 'b'));
            file.write(record(MB - 1, 'c'));
        }
        assertThat(names()).containsExactly("a-2026-11-26T06-01-02.345-size.json",
                "a-2026-11-26T06-01-02.345-size_1.json", "a.json");
    }

    @Test
    void appendsToAnExistingFileWithRoomAndRotatesOneWithout() throws IOException {
        Path path = dir.resolve("a.json");
        Files.writeString(path, "existing\n");
        try (RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 0, 100, false), clock)) {
            file.write("more\n".getBytes());
        }
        assertThat(Files.readString(path)).isEqualTo("existing\nmore\n");

        Files.write(path, record(MB - 3, 'z'));
        try (RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 0, 100, false), clock)) {
            file.write("xyz\n".getBytes());
        }
        assertThat(Files.readString(path)).isEqualTo("xyz\n");
        assertThat(names()).contains("a-2026-11-26T06-01-02.345-size.json");
    }

    @Test
    void aWriteLargerThanTheLimitFails() {
        Path path = dir.resolve("a.json");
        RotatingFile file = new RotatingFile(path, new FileExporterConfig.Rotation(1, 0, 100, false), clock);
        assertThatThrownBy(() -> file.write(new byte[MB + 1]))
                .hasMessage("write length 1048577 exceeds maximum file size 1048576");
    }

    @Test
    void migratesLegacyLumberjackBackups() throws IOException {
        Path path = dir.resolve("all.json");
        Files.writeString(dir.resolve("all-2026-01-02T03-04-05.678.json"), "legacy");
        Files.writeString(dir.resolve("all-notatime.json"), "other");
        new RotatingFile(path, FileExporterConfig.Rotation.defaults(), clock).migrateLegacyBackups();
        assertThat(names()).containsExactly("all-2026-01-02T03-04-05.678-size.json", "all-notatime.json");
    }

    @Test
    void defaultsAreUpstreams() {
        assertThat(FileExporterConfig.Rotation.defaults().maxBytes()).isEqualTo(100L * MB);
        assertThat(FileExporterConfig.Rotation.defaults().maxBackups()).isEqualTo(100);
    }
}
