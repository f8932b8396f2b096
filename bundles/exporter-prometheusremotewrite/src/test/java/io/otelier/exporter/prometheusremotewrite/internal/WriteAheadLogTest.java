package io.otelier.exporter.prometheusremotewrite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteAheadLogTest {

    @TempDir
    Path dir;

    @Test
    void entriesSurviveAReopenAndTheFrontStaysCut() throws Exception {
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            assertThat(wal.isEmpty()).isTrue();
            assertThat(wal.append(List.of(bytes("a"), bytes("b"), bytes("c")))).isEqualTo(1);
            wal.truncateFront(2);
            assertThat(strings(wal.read(0, 10))).containsExactly("b", "c");
        }
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            assertThat(wal.firstIndex()).isEqualTo(2);
            assertThat(strings(wal.read(wal.firstIndex(), 1))).containsExactly("b");
            assertThat(wal.append(List.of(bytes("d")))).isEqualTo(4);
            assertThat(strings(wal.read(wal.firstIndex(), 10))).containsExactly("b", "c", "d");
        }
    }

    @Test
    void aFullySentLogLeavesNoSegmentAndKeepsCounting() throws Exception {
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            wal.append(List.of(bytes("a"), bytes("b")));
            wal.truncateFront(3);
            assertThat(wal.isEmpty()).isTrue();
        }
        assertThat(segments()).isEmpty();
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            assertThat(wal.isEmpty()).isTrue();
            assertThat(wal.append(List.of(bytes("c")))).isEqualTo(3);
            assertThat(strings(wal.read(3, 5))).containsExactly("c");
        }
    }

    @Test
    void aTornTailIsCutOffOnOpen() throws Exception {
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            wal.append(List.of(bytes("whole"), bytes("torn")));
        }
        Path segment = segments().get(0);
        long size = Files.size(segment);
        try (var ch = java.nio.channels.FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(size - 2);
        }
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            assertThat(strings(wal.read(1, 10))).containsExactly("whole");
            assertThat(wal.append(List.of(bytes("next")))).isEqualTo(2);
            assertThat(strings(wal.read(1, 10))).containsExactly("whole", "next");
        }
    }

    @Test
    void fullSegmentsAreDeletedOnceSent() throws Exception {
        byte[] big = new byte[(int) (WriteAheadLog.SEGMENT_BYTES / 2)];
        try (WriteAheadLog wal = WriteAheadLog.open(dir)) {
            wal.append(List.of(big, big, big, bytes("x")));
            assertThat(segments()).hasSize(2);
            wal.truncateFront(4);
            assertThat(segments()).hasSize(1);
            assertThat(strings(wal.read(1, 10))).containsExactly("x");
        }
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{20}")).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> strings(List<byte[]> entries) {
        return entries.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }
}
