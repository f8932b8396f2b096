package io.otelier.extension.filestorage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.testkit.RecordingLogger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a process writing through the extension, several times at random moments (mid-record, mid-compaction),
 * and check after each kill that the store opens and holds every acknowledged write. Rounds alternate fsync on and
 * off: a killed process loses no acknowledged write either way (the page cache survives it), and without fsync
 * the writer spends its time in write calls, where a kill tears a record.
 */
class CrashTest {

    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    @Test
    void killingTheWriterNeverLosesAnAcknowledgedWriteNorCorruptsTheStore() throws Exception {
        Random random = new Random(42);
        List<Long> acknowledged = new ArrayList<>();
        Set<Long> perhapsLanded = new HashSet<>(); // the batch after each round's last ack
        Path file = dir.resolve(StoreNames.rawName(ComponentKind.RECEIVER, ComponentId.of(CrashWriter.CLIENT_TYPE),
                ""));
        for (int round = 0; round < ROUNDS; round++) {
            long start = round * 1_000_000L;
            List<Long> acks = runAndKill(start, round % 2 == 0, 100 + random.nextInt(400),
                    random.nextInt(30_000_000));
            assertThat(acks).as("round %d wrote something", round).isNotEmpty();
            acknowledged.addAll(acks);
            long lastAck = acks.get(acks.size() - 1);
            perhapsLanded.add(lastAck + 1);
            verify(file, acknowledged, perhapsLanded, lastAck);
        }
    }

    /**
     * Starts a writer and kills it {@code delayNanos} after it acknowledged {@code killAfter} writes (a delay, so
     * the kill is not in step with the acks); returns every ack it printed.
     */
    private List<Long> runAndKill(long start, boolean fsync, int killAfter, long delayNanos) throws IOException,
            InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), Long.toString(start), Boolean.toString(fsync))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Long> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acks.add(Long.parseLong(line.substring(4)));
                }
                if (acks.size() == killAfter) {
                    // SIGKILL through the handle: Process.destroyForcibly would also close the pipe, and the acks
                    // still in it count
                    Thread killer = new Thread(() -> {
                        LockSupport.parkNanos(delayNanos);
                        child.toHandle().destroyForcibly();
                    });
                    killer.start();
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return acks;
    }

    private static void verify(Path file, List<Long> acknowledged, Set<Long> perhapsLanded, long lastAck)
            throws IOException {
        try (LogStore store = LogStore.open(file, LogStoreTest.FSYNC, new RecordingLogger())) {
            Set<Long> acked = new HashSet<>(acknowledged);
            for (long i : acknowledged) {
                byte[] value = store.get("k" + i);
                boolean deletedByAck = CrashWriter.deletes(i + 5) && acked.contains(i + 5);
                boolean mayBeDeleted = CrashWriter.deletes(i + 5) && perhapsLanded.contains(i + 5);
                if (deletedByAck) {
                    assertThat(value).as("k%d was deleted by an acknowledged batch", i).isNull();
                } else if (value == null) {
                    assertThat(mayBeDeleted).as("k%d lost", i).isTrue();
                } else {
                    assertThat(value).as("k%d", i).isEqualTo(CrashWriter.value(i));
                }
            }
            // the batch after the last ack may have landed whole, never in part
            String last = new String(store.get("last"), StandardCharsets.UTF_8);
            long lastWritten = Long.parseLong(last.split(" ")[2]);
            assertThat(lastWritten).isIn(lastAck, lastAck + 1);
            assertThat(store.get("k" + lastWritten)).isEqualTo(CrashWriter.value(lastWritten));
            assertThat(ByteBuffer.wrap(store.get("blob")).getLong()).isEqualTo(lastWritten);
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("kills mid-compaction leave temporary files; reopening removes them")
                    .containsExactly(file);
        }
    }
}
