package io.otelier.extension.filestorage.internal;

import static io.otelier.api.storage.StorageOperation.set;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.testkit.RecordingLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way the last record can be cut short or garbled by a crash loses that record only. */
class TornTailTest {

    private static final int ACKNOWLEDGED = 20;

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void cuttingTheLastRecordAtAnyByteLosesOnlyThatRecord() throws IOException {
        Path original = dir.resolve("original");
        long lastStart = writeStore(original);
        byte[] full = Files.readAllBytes(original);
        assertThat(full.length - lastStart).as("the last record is a batch of two sets").isGreaterThan(150);

        for (long cut = lastStart; cut < full.length; cut++) {
            Path torn = dir.resolve("torn-" + cut);
            Files.write(torn, Arrays.copyOf(full, (int) cut));
            assertHoldsExactlyTheAcknowledged(torn, lastStart);
            Files.delete(torn);
        }
    }

    @Test
    void aGarbledOrZeroedLastRecordIsDiscardedToo() throws IOException {
        Path original = dir.resolve("original");
        long lastStart = writeStore(original);
        byte[] full = Files.readAllBytes(original);
        for (int at = (int) lastStart; at < full.length; at += 7) {
            byte[] garbled = full.clone();
            garbled[at] ^= 0x01;
            Path file = dir.resolve("garbled-" + at);
            Files.write(file, garbled);
            assertHoldsExactlyTheAcknowledged(file, lastStart);
        }
        byte[] zeroed = full.clone();
        Arrays.fill(zeroed, (int) lastStart, zeroed.length, (byte) 0);
        Path file = dir.resolve("zeroed");
        Files.write(file, Arrays.copyOf(zeroed, zeroed.length + 8192)); // and a zero-filled extent beyond
        assertHoldsExactlyTheAcknowledged(file, lastStart);
    }

    /** Writes the acknowledged records, then the one a crash will damage; returns where that one starts. */
    private long writeStore(Path file) throws IOException {
        try (LogStore store = LogStore.open(file, LogStoreTest.FSYNC, log)) {
            for (int i = 0; i < ACKNOWLEDGED; i++) {
                store.batch(List.of(set("k" + i, ("value " + i).getBytes(UTF_8))));
            }
            long lastStart = store.fileSize();
            store.batch(List.of(set("k0", "overwritten".getBytes(UTF_8)), set("unacknowledged", new byte[120])));
            return lastStart;
        }
    }

    private void assertHoldsExactlyTheAcknowledged(Path file, long validEnd) throws IOException {
        try (LogStore store = LogStore.open(file, LogStoreTest.FSYNC, log)) {
            assertThat(store.size()).as("keys after damage at %s", file.getFileName()).isEqualTo(ACKNOWLEDGED);
            for (int i = 0; i < ACKNOWLEDGED; i++) {
                assertThat(store.get("k" + i)).isEqualTo(("value " + i).getBytes(UTF_8));
            }
            assertThat(store.get("unacknowledged")).isNull();
            assertThat(Files.size(file)).as("the torn tail is cut off").isEqualTo(validEnd);
            store.batch(List.of(set("next", "write".getBytes(UTF_8))));
        }
        try (LogStore store = LogStore.open(file, LogStoreTest.FSYNC, log)) {
            assertThat(store.get("next")).as("a write after recovery survives a reopen")
                    .isEqualTo("write".getBytes(UTF_8));
            assertThat(store.size()).isEqualTo(ACKNOWLEDGED + 1);
        }
    }
}
