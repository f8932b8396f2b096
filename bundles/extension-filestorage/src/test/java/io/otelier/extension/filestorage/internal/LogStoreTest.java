package io.otelier.extension.filestorage.internal;

import static io.otelier.api.storage.StorageOperation.delete;
import static io.otelier.api.storage.StorageOperation.get;
import static io.otelier.api.storage.StorageOperation.set;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.testkit.RecordingLogger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {

    static final LogStore.Options FSYNC = new LogStore.Options(true, Duration.ofSeconds(1), 0, 65536, false);
    static final LogStore.Options NO_FSYNC = new LogStore.Options(false, Duration.ofSeconds(1), 0, 65536, false);

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();
    private final List<LogStore> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (LogStore s : open) {
            s.close();
        }
    }

    private LogStore open(LogStore.Options options) throws IOException {
        LogStore store = LogStore.open(dir.resolve("store"), options, log);
        open.add(store);
        return store;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void setGetDeleteAndAbsentKeys() throws IOException {
        LogStore store = open(FSYNC);
        assertThat(store.get("a")).isNull();
        store.batch(List.of(set("a", bytes("1"))));
        store.batch(List.of(set("b", new byte[0])));
        assertThat(store.get("a")).isEqualTo(bytes("1"));
        assertThat(store.get("b")).isEmpty();
        store.batch(List.of(set("a", bytes("2"))));
        assertThat(store.get("a")).isEqualTo(bytes("2"));
        store.batch(List.of(delete("a"), delete("never-there")));
        assertThat(store.get("a")).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void batchRunsInOrderAndItsGetsSeeItsOwnWrites() throws IOException {
        LogStore store = open(FSYNC);
        store.batch(List.of(set("x", bytes("old"))));
        List<byte[]> results = store.batch(List.of(get("x"), set("x", bytes("new")), get("x"), delete("x"),
                get("x"), set("y", bytes("y")), get("missing")));
        assertThat(results).hasSize(7);
        assertThat(results.get(0)).isEqualTo(bytes("old"));
        assertThat(results.get(1)).isNull();
        assertThat(results.get(2)).isEqualTo(bytes("new"));
        assertThat(results.get(4)).isNull();
        assertThat(results.get(6)).isNull();
        assertThat(store.get("x")).isNull();
        assertThat(store.get("y")).isEqualTo(bytes("y"));
    }

    @Test
    void aBatchOfGetsWritesNothing() throws IOException {
        LogStore store = open(FSYNC);
        store.batch(List.of(set("x", bytes("1"))));
        long size = Files.size(store.path());
        store.batch(List.of(get("x"), get("y")));
        assertThat(Files.size(store.path())).isEqualTo(size);
    }

    @Test
    void valuesAreCopiedInAndOut() throws IOException {
        LogStore store = open(NO_FSYNC);
        byte[] value = bytes("abc");
        store.batch(List.of(set("k", value)));
        value[0] = 'X';
        byte[] read = store.get("k");
        read[1] = 'Y';
        assertThat(store.get("k")).isEqualTo(bytes("abc"));
    }

    @Test
    void reopeningReplaysEveryWrite() throws IOException {
        LogStore store = open(FSYNC);
        byte[] big = new byte[3 * 1024 * 1024];
        Arrays.fill(big, (byte) 7);
        store.batch(List.of(set("big", big), set("ünïcode ключ", bytes("v"))));
        store.batch(List.of(set("gone", bytes("1"))));
        store.batch(List.of(delete("gone"), set("kept", bytes("2"))));
        store.close();

        LogStore again = open(FSYNC);
        assertThat(again.get("big")).isEqualTo(big);
        assertThat(again.get("ünïcode ключ")).isEqualTo(bytes("v"));
        assertThat(again.get("gone")).isNull();
        assertThat(again.get("kept")).isEqualTo(bytes("2"));
        assertThat(again.size()).isEqualTo(3);
    }

    @Test
    void compactionDropsDeadRecordsAndKeepsLiveOnes() throws IOException {
        LogStore store = open(FSYNC);
        for (int i = 0; i < 500; i++) {
            store.batch(List.of(set("k" + (i % 10), bytes("value-" + i)), set("tmp" + i, new byte[100])));
            store.batch(List.of(delete("tmp" + i)));
        }
        long before = Files.size(store.path());
        assertThat(store.compact(dir)).isTrue();
        long after = Files.size(store.path());
        assertThat(after).isLessThan(before / 20).isEqualTo(store.fileSize());
        for (int k = 0; k < 10; k++) {
            assertThat(store.get("k" + k)).isEqualTo(bytes("value-" + (490 + k)));
        }
        store.batch(List.of(set("after", bytes("compaction"))));
        store.close();
        LogStore again = open(FSYNC);
        assertThat(again.size()).isEqualTo(11);
        assertThat(again.get("k3")).isEqualTo(bytes("value-493"));
        assertThat(again.get("after")).isEqualTo(bytes("compaction"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left").containsExactly(again.path());
        }
    }

    @Test
    void compactionGroupsEntriesByMaxTransactionSize() throws IOException {
        LogStore store = open(new LogStore.Options(false, Duration.ofSeconds(1), 0, 1000, false));
        for (int i = 0; i < 100; i++) {
            store.batch(List.of(set("k" + i, new byte[90])));
        }
        store.compact(dir);
        long payload = 0;
        for (int i = 0; i < 100; i++) {
            payload += LogFormat.setSize(("k" + i).length(), 90);
        }
        long records = (store.fileSize() - LogFormat.HEADER_SIZE - payload) / LogFormat.RECORD_HEADER_SIZE;
        // about 100 bytes per entry, a record closes once it holds 1000: ten entries a record
        assertThat(records).isEqualTo(10);
        assertThat(store.get("k42")).hasSize(90);
    }

    @Test
    void writesDuringCompactionAreCarriedOver() throws Exception {
        LogStore store = open(NO_FSYNC);
        for (int i = 0; i < 2000; i++) {
            store.batch(List.of(set("base" + i, new byte[2000])));
        }
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch started = new CountDownLatch(1);
            Future<?> writes = writers.submit(() -> {
                started.countDown();
                for (int i = 0; i < 3000; i++) {
                    store.batch(List.of(set("during" + i, bytes("d" + i)), delete("base" + (i % 2000))));
                }
                return null;
            });
            started.await();
            Future<Boolean> compaction = writers.submit(() -> store.compact(dir));
            writes.get();
            compaction.get();
        } finally {
            writers.shutdown();
        }
        assertThat(store.size()).isEqualTo(3000);
        for (int i = 0; i < 3000; i += 7) {
            assertThat(store.get("during" + i)).isEqualTo(bytes("d" + i));
        }
        store.close();
        LogStore again = open(NO_FSYNC);
        assertThat(again.size()).isEqualTo(3000);
        assertThat(again.get("during2999")).isEqualTo(bytes("d2999"));
        assertThat(again.get("base5")).isNull();
    }

    @Test
    void aStoreCompactsItselfOnceDeadRecordsOutweighLiveOnes() throws IOException {
        LogStore store = open(NO_FSYNC);
        byte[] checkpoint = new byte[1000];
        for (int i = 0; i < 20_000; i++) { // 20 MB written to one key
            checkpoint[0] = (byte) i;
            store.batch(List.of(set("checkpoint", checkpoint)));
        }
        assertThat(store.fileSize()).isLessThan(LogStore.AUTO_COMPACTION_MIN_DEAD + 2 * 1024);
        assertThat(store.get("checkpoint")).isEqualTo(checkpoint);
    }

    @Test
    void reboundIsDueWhenTheFileGrewAndTheLiveDataShrank() throws IOException {
        LogStore store = open(NO_FSYNC);
        for (int i = 0; i < 20; i++) {
            store.batch(List.of(set("item" + i, new byte[100 * 1024])));
        }
        long grown = store.fileSize();
        assertThat(store.reboundDue(grown, 1024)).as("live data still large").isFalse();
        for (int i = 0; i < 19; i++) {
            store.batch(List.of(delete("item" + i)));
        }
        assertThat(store.reboundDue(store.fileSize() + 1, 200 * 1024)).as("file not large enough").isFalse();
        assertThat(store.reboundDue(grown, 50 * 1024)).as("live above trigger").isFalse();
        assertThat(store.reboundDue(grown, 200 * 1024)).isTrue();
        store.compact(dir);
        assertThat(store.reboundDue(0, 200 * 1024)).as("nothing left to reclaim").isFalse();
        assertThat(store.fileSize()).isLessThan(110 * 1024);
    }

    @Test
    void maxSizeCompactsToMakeRoomThenRefusesWrites() throws IOException {
        LogStore store = open(new LogStore.Options(false, Duration.ofSeconds(1), 64 * 1024, 65536, false));
        for (int i = 0; i < 100; i++) { // 100 KB to one key: fits only by compacting
            store.batch(List.of(set("k", new byte[1000])));
        }
        assertThat(Files.size(store.path())).isLessThanOrEqualTo(64 * 1024);
        for (int i = 0; i < 60; i++) {
            store.batch(List.of(set("other" + i, new byte[1000])));
        }
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                store.batch(List.of(set("more" + i, new byte[1000])));
            }
        }).isInstanceOf(IOException.class).hasMessage("the storage extension has run out of available space");
        assertThat(Files.size(store.path())).isLessThanOrEqualTo(64 * 1024);
        store.batch(List.of(delete("other0"), delete("other1")));
        store.batch(List.of(set("fits again", new byte[1000])));
    }

    @Test
    void aSecondOpenOfTheSameFileTimesOut() throws IOException {
        open(FSYNC);
        LogStore.Options shortTimeout = new LogStore.Options(true, Duration.ofMillis(200), 0, 0, false);
        long start = System.nanoTime();
        assertThatThrownBy(() -> LogStore.open(dir.resolve("store"), shortTimeout, log))
                .hasMessageStartingWith("timeout: ").hasMessageContaining("is locked");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aForeignFileIsRefusedOrMovedAsideWithRecreate() throws IOException {
        Path file = dir.resolve("store");
        byte[] bbolt = new byte[4096];
        bbolt[16] = (byte) 0xED; // bbolt's magic sits here; any foreign header will do
        Files.write(file, bbolt);
        assertThatThrownBy(() -> open(FSYNC)).isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("unknown header").hasMessageContaining("recreate");
        assertThat(Files.readAllBytes(file)).isEqualTo(bbolt);

        LogStore store = open(new LogStore.Options(true, Duration.ofSeconds(1), 0, 0, true));
        store.batch(List.of(set("k", bytes("v"))));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> backups = files.filter(p -> p.getFileName().toString()
                    .matches("store\\.\\d{8}T\\d{6}\\.\\d{3}Z\\.backup")).toList();
            assertThat(backups).hasSize(1);
            assertThat(Files.readAllBytes(backups.get(0))).isEqualTo(bbolt);
        }
        assertThat(log.contains("Database corruption detected, recreating database file")).isTrue();
    }

    @Test
    void damageBeforeTheLastRecordIsCorruptionNotATornTail() throws IOException {
        LogStore store = open(FSYNC);
        store.batch(List.of(set("a", bytes("first value"))));
        long second = store.fileSize();
        store.batch(List.of(set("b", bytes("second value"))));
        store.batch(List.of(set("c", bytes("third value"))));
        store.close();
        flipByte(dir.resolve("store"), second + LogFormat.RECORD_HEADER_SIZE + 3);
        assertThatThrownBy(() -> open(FSYNC)).isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("wrong checksum at offset " + second);
    }

    @Test
    void aFileCutShortWhileBeingCreatedStartsAfresh() throws IOException {
        Files.write(dir.resolve("store"), Arrays.copyOf(LogFormat.header(), 5));
        LogStore store = open(FSYNC);
        store.batch(List.of(set("k", bytes("v"))));
        store.close();
        assertThat(open(FSYNC).get("k")).isEqualTo(bytes("v"));
    }

    @Test
    void anInterruptedCallerFailsFast() throws Exception {
        LogStore store = open(FSYNC);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> store.batch(List.of(set("during", bytes("2")))))
                    .isInstanceOf(java.io.InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(store.get("during")).isNull();
    }

    @Test
    void aChannelClosedUnderTheStoreIsReopened() throws Exception {
        LogStore store = open(FSYNC);
        store.batch(List.of(set("before", bytes("1"))));
        // what an interrupt during file I/O does; the partial record it may leave is torn and dropped at reopen
        long end = store.fileSize();
        try (FileChannel c = FileChannel.open(store.path(), StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(new byte[] {0, 0, 1}), end);
        }
        store.channelForTest().close();
        store.batch(List.of(set("after", bytes("3"))));
        assertThat(store.get("before")).isEqualTo(bytes("1"));
        assertThat(store.get("after")).isEqualTo(bytes("3"));
        store.close();
        LogStore again = open(FSYNC);
        assertThat(again.get("before")).isEqualTo(bytes("1"));
        assertThat(again.get("after")).isEqualTo(bytes("3"));
    }

    @Test
    void writersInterruptedMidWriteLeaveAUsableStore() throws Exception {
        LogStore store = open(FSYNC);
        byte[] big = new byte[1024 * 1024];
        int reopened = 0;
        for (int round = 0; round < 10; round++) {
            FileChannel before = store.channelForTest();
            int r = round;
            Thread writer = new Thread(() -> {
                try {
                    while (true) {
                        store.batch(List.of(set("big", big)));
                    }
                } catch (IOException expected) {
                    Thread.interrupted();
                }
                try {
                    store.batch(List.of(set("after" + r, bytes("ok"))));
                } catch (IOException e) {
                    throw new AssertionError("the store must recover from an interrupt", e);
                }
            });
            writer.start();
            Thread.sleep(5 + round);
            writer.interrupt();
            writer.join();
            assertThat(store.get("after" + round)).isEqualTo(bytes("ok"));
            if (store.channelForTest() != before) {
                reopened++;
            }
        }
        store.close();
        LogStore again = open(FSYNC);
        for (int round = 0; round < 10; round++) {
            assertThat(again.get("after" + round)).isEqualTo(bytes("ok"));
        }
        assertThat(again.get("big")).isEqualTo(big);
        // uncontended, the lock never waits: nearly every interrupt lands in file I/O and closes the channel
        assertThat(reopened).as("rounds whose interrupt closed the channel").isPositive();
    }

    @Test
    void aClosedStoreRefusesCalls() throws IOException {
        LogStore store = open(FSYNC);
        store.close();
        assertThatThrownBy(() -> store.get("k")).hasMessageContaining("is closed");
        assertThatThrownBy(() -> store.batch(List.of(set("k", bytes("v"))))).hasMessageContaining("is closed");
        assertThat(store.compact(dir)).isFalse();
        store.close();
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            c.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x40));
            b.rewind();
            c.write(b, offset);
        }
    }
}
