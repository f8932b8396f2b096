package io.otelier.helper.fileconsumer;

import static io.otelier.helper.fileconsumer.Harness.append;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConsumerTest {

    @TempDir
    Path dir;

    private final List<Harness> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Harness h : started) {
            h.consumer.stop();
        }
    }

    private Harness run(FileConsumerConfig config) throws IOException {
        return run(config, null);
    }

    private Harness run(FileConsumerConfig config, MemoryStorage storage) throws IOException {
        Harness h = new Harness(config).start(storage);
        started.add(h);
        return h;
    }

    @Test
    void startAtEndSkipsWhatTheFirstPollFindsButReadsLaterFilesFromTheirStart() throws Exception {
        Path old = dir.resolve("a.log");
        append(old, "before start\n");
        Harness h = run(Harness.config(dir, "*.log"));
        assertThat(h.poll()).isEmpty();

        append(old, "appended\n");
        Path later = dir.resolve("b.log");
        append(later, "first line of a new file\n");
        assertThat(h.poll()).containsExactly("appended", "first line of a new file");
    }

    @Test
    void startAtBeginningReadsExistingContent() throws Exception {
        append(dir.resolve("a.log"), "one\ntwo\n");
        Harness h = run(Harness.fromStart(dir, "*.log"));
        assertThat(h.poll()).containsExactly("one", "two");
    }

    @Test
    void readsIncrementallyAndNeverTwice() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "one\n");
        Harness h = run(Harness.fromStart(dir, "*.log"));
        assertThat(h.poll()).containsExactly("one");
        assertThat(h.poll()).isEmpty();
        append(file, "two\nthr");
        assertThat(h.poll()).containsExactly("two");
        append(file, "ee\n");
        assertThat(h.poll()).containsExactly("three");
        for (int i = 0; i < 5; i++) {
            assertThat(h.poll()).isEmpty();
        }
        assertThat(h.bodies()).containsExactly("one", "two", "three");
    }

    @Test
    void followsRenameRotationWhenTheRotatedNameStillMatches() throws Exception {
        Path file = dir.resolve("app.log");
        append(file, "line 1 of the first generation\n");
        Harness h = run(Harness.fromStart(dir, "app.log*"));
        assertThat(h.poll()).containsExactly("line 1 of the first generation");

        append(file, "line 2 written just before rotation\n");
        Files.move(file, dir.resolve("app.log.1"));
        append(file, "line 1 of the second generation\n");
        assertThat(h.poll()).containsExactlyInAnyOrder("line 2 written just before rotation",
                "line 1 of the second generation");
        assertThat(h.poll()).isEmpty();
    }

    @Test
    void readsARotatedAwayFileToItsEndThroughTheOpenHandle() throws Exception {
        Path file = dir.resolve("app.log");
        append(file, "line 1 of the first generation\n");
        Harness h = run(Harness.fromStart(dir, "app.log"));
        assertThat(h.poll()).containsExactly("line 1 of the first generation");

        append(file, "last line before the rename\n");
        Files.move(file, dir.resolve("app.log.old"));
        append(file, "line 1 of the second generation\n");
        assertThat(h.poll()).containsExactlyInAnyOrder("last line before the rename",
                "line 1 of the second generation");
    }

    @Test
    void followsCopyTruncateRotation() throws Exception {
        Path file = dir.resolve("app.log");
        append(file, "copied line 1\n");
        Harness h = run(Harness.fromStart(dir, "app.log*"));
        assertThat(h.poll()).containsExactly("copied line 1");

        append(file, "copied line 2\n");
        Files.copy(file, dir.resolve("app.log.1"));
        assertThat(h.poll()).containsExactly("copied line 2");
        Files.write(file, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(file, "after truncate\n");
        assertThat(h.poll()).containsExactly("after truncate");
        assertThat(h.poll()).isEmpty();
        assertThat(h.bodies()).doesNotHaveDuplicates();
    }

    @Test
    void aFileThatShrinksIsReadAgainFromItsStart() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "a long first line that will go away\nsecond\n");
        Harness h = run(Harness.fromStart(dir, "*.log"));
        assertThat(h.poll()).hasSize(2);
        Files.writeString(file, "short\n");
        assertThat(h.poll()).containsExactly("short");
    }

    @Test
    void truncatedKeepingTheFirstBytesFollowsOnTruncate() throws Exception {
        Path file = dir.resolve("a.log");
        String head = "same first line here\n";
        append(file, head + "tail line one\ntail line two\n");
        Harness h = run(Harness.fromStart(dir, "*.log").onTruncate("read_whole_file"));
        assertThat(h.poll()).hasSize(3);
        Files.writeString(file, head);
        assertThat(h.poll()).containsExactly("same first line here");
    }

    @Test
    void filesWithTheSameFirstBytesAreOneFileUntilTheyDiffer() throws Exception {
        // upstream's documented limitation: the fingerprint is the identity
        append(dir.resolve("a.log"), "identical header line\nonly in a\n");
        append(dir.resolve("b.log"), "identical header line\nonly in b\n");
        Harness h = run(Harness.fromStart(dir, "*.log").fingerprintSize(16));
        List<Object> first = h.poll();
        assertThat(first).hasSize(2).contains("identical header line");

        append(dir.resolve("c.log"), "different header\n");
        assertThat(h.poll()).containsExactly("different header");
    }

    @Test
    void lineStartPatternJoinsContinuationLines() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "2024-01-01 first\n  at frame 1\n  at frame 2\n2024-01-02 second\n2024-01-03 third");
        Harness h = run(Harness.fromStart(dir, "*.log")
                .multiline(new MultilineConfig("^\\d{4}-\\d\\d-\\d\\d", "", false)).forceFlushPeriod(Duration.ZERO));
        assertThat(h.poll()).containsExactly("2024-01-01 first\n  at frame 1\n  at frame 2", "2024-01-02 second");
    }

    @Test
    void lineEndPatternEndsEntries() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "part a;part b;END\nnext;END\nunfinished");
        Harness h = run(Harness.fromStart(dir, "*.log")
                .multiline(new MultilineConfig("", "END", false)).forceFlushPeriod(Duration.ZERO));
        assertThat(h.poll()).containsExactly("part a;part b;END", "next;END");
    }

    @Test
    void forceFlushPeriodEmitsAPartialLastLineAfterAQuietPeriod() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "no newline yet");
        Harness h = run(Harness.fromStart(dir, "*.log"));
        assertThat(h.poll()).isEmpty();
        h.clock.addAndGet(200);
        assertThat(h.poll()).isEmpty();
        h.clock.addAndGet(400);
        assertThat(h.poll()).containsExactly("no newline yet");
        append(file, "\nnext\n");
        assertThat(h.poll()).containsExactly("next");
    }

    @Test
    void decodesUtf16() throws Exception {
        Path le = dir.resolve("le.log");
        Files.write(le, "héllo\nwörld\n".getBytes(StandardCharsets.UTF_16LE));
        Harness h = run(Harness.fromStart(dir, "le.log").encoding("utf-16le"));
        assertThat(h.poll()).containsExactly("héllo", "wörld");

        Path be = dir.resolve("be.log");
        Files.write(be, "big\nendian\n".getBytes(StandardCharsets.UTF_16BE));
        Harness h2 = run(Harness.fromStart(dir, "be.log").encoding("UTF-16BE"));
        assertThat(h2.poll()).containsExactly("big", "endian");
    }

    @Test
    void nopEncodingKeepsBytesWhole() throws Exception {
        Path file = dir.resolve("a.bin");
        byte[] bytes = {0, 1, 2, '\n', (byte) 0xff, 3};
        Files.write(file, bytes);
        Harness h = run(Harness.fromStart(dir, "a.bin").encoding("nop"));
        List<Object> out = h.poll();
        assertThat(out).hasSize(1);
        assertThat((byte[]) out.get(0)).containsExactly(bytes);
    }

    @Test
    void utf8LinesDecodeWhetherAsciiOrNotAndInvalidBytesBecomeReplacements() throws Exception {
        // long lines, so the split's eight-bytes-at-a-time scan sees the non-ASCII bytes in every position
        String ascii = "plain ascii line " + "x".repeat(40);
        String accented = "x".repeat(13) + "héllo wörld, 日本語 😀 " + "y".repeat(21);
        byte[] invalid = "bad ?? bytes 12345678\n".getBytes(StandardCharsets.US_ASCII);
        invalid[4] = (byte) 0xff;
        invalid[5] = (byte) 0xfe;
        Path file = dir.resolve("u.log");
        Files.write(file, (ascii + "\n" + accented + "\n").getBytes(StandardCharsets.UTF_8));
        append(file, invalid);
        Harness h = run(Harness.fromStart(dir, "u.log"));
        assertThat(h.poll()).containsExactly(ascii, accented, "bad \uFFFD\uFFFD bytes 12345678");
    }

    @Test
    void asciiAndLatin1AreAccepted() throws Exception {
        Files.write(dir.resolve("l.log"), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Harness h = run(Harness.fromStart(dir, "l.log").encoding("iso-8859-1"));
        assertThat(h.poll()).containsExactly("café");
    }

    @Test
    void readsGzipFilesIncludingAppendedMembers() throws Exception {
        Path file = dir.resolve("a.log.gz");
        Files.write(file, gzip("one\ntwo\n"));
        Harness h = run(Harness.fromStart(dir, "*.gz").compression("gzip"));
        assertThat(h.poll()).containsExactly("one", "two");
        append(file, gzip("three\n"));
        assertThat(h.poll()).containsExactly("three");
        assertThat(h.poll()).isEmpty();
    }

    @Test
    void autoCompressionReadsPlainAndGzipFiles() throws Exception {
        Files.write(dir.resolve("a.log"), "plain\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("b.log"), gzip("zipped\n"));
        Harness h = run(Harness.fromStart(dir, "*.log").compression("auto"));
        assertThat(h.poll()).containsExactlyInAnyOrder("plain", "zipped");
    }

    @Test
    void deleteAfterReadRemovesTheFile() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "once\n");
        Harness h = run(Harness.fromStart(dir, "*.log").deleteAfterRead(true));
        assertThat(h.poll()).containsExactly("once");
        assertThat(file).doesNotExist();
    }

    @Test
    void excludeOlderThanSkipsStaleFiles() throws Exception {
        Path stale = dir.resolve("stale.log");
        Path fresh = dir.resolve("fresh.log");
        append(stale, "stale\n");
        append(fresh, "fresh\n");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Harness h = new Harness(Harness.fromStart(dir, "*.log").excludeOlderThan(Duration.ofHours(1)));
        // the harness clock is fake; this test needs the real one
        FileConsumer consumer = new FileConsumer(Harness.fromStart(dir, "*.log").excludeOlderThan(Duration.ofHours(1)),
                batch -> h.tokens.addAll(batch), h.logger, "t");
        consumer.pollOnce();
        assertThat(h.bodies()).containsExactly("fresh");
        consumer.stop();
    }

    @Test
    void excludeGlobsWin() throws Exception {
        append(dir.resolve("a.log"), "a\n");
        append(dir.resolve("b.log"), "b\n");
        Harness h = run(Harness.fromStart(dir, "*.log").exclude(dir.resolve("b.*").toString()));
        assertThat(h.poll()).containsExactly("a");
    }

    @Test
    void doublestarReachesNestedDirectories() throws Exception {
        Files.createDirectories(dir.resolve("x/y"));
        append(dir.resolve("top.log"), "top\n");
        append(dir.resolve("x/y/deep.log"), "deep\n");
        Harness h = run(Harness.fromStart(dir, "**/*.log"));
        assertThat(h.poll()).containsExactlyInAnyOrder("top", "deep");
    }

    @Test
    void maxConcurrentFilesReadsInBatchesAndStillReadsEveryFile() throws Exception {
        for (int i = 0; i < 7; i++) {
            append(dir.resolve("f" + i + ".log"), "file " + i + " line\n");
        }
        Harness h = run(Harness.fromStart(dir, "*.log").maxConcurrentFiles(2));
        assertThat(h.poll()).hasSize(7);
        for (int i = 0; i < 7; i++) {
            append(dir.resolve("f" + i + ".log"), "file " + i + " more\n");
        }
        assertThat(h.poll()).hasSize(7);
        assertThat(h.bodies()).doesNotHaveDuplicates();
    }

    @Test
    void maxBatchesStopsAPollEarly() throws Exception {
        for (int i = 0; i < 6; i++) {
            append(dir.resolve("f" + i + ".log"), "file " + i + "\n");
        }
        Harness h = run(Harness.fromStart(dir, "*.log").maxConcurrentFiles(2).maxBatches(1));
        assertThat(h.poll()).containsExactly("file 0");
    }

    @Test
    void restoresOffsetsFromStorageAfterARestart() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "one\ntwo\n");
        MemoryStorage storage = new MemoryStorage();
        Harness first = new Harness(Harness.fromStart(dir, "*.log")).start(storage);
        assertThat(first.poll()).containsExactly("one", "two");
        first.consumer.stop();

        append(file, "three\n");
        append(dir.resolve("b.log"), "new file while down\n");
        // start_at end would skip both, but known offsets win over it
        Harness second = run(Harness.config(dir, "*.log"), storage);
        assertThat(second.poll()).containsExactly("three", "new file while down");
        assertThat(second.logger.contains("Resuming from previously known offset(s)")).isTrue();
    }

    @Test
    void aLongPollCheckpointsAsItGoes() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, String.join("", IntStream.range(0, 20_000).mapToObj(i -> "line " + i + "\n").toList()));
        long size = Files.size(file);
        MemoryStorage storage = new MemoryStorage();
        List<Long> offsetsSeen = new ArrayList<>();
        FileConsumer consumer = new FileConsumer(Harness.fromStart(dir, "*.log").pollInterval(Duration.ofMillis(50)),
                batch -> {
                    byte[] saved = storage.get("fileconsumer.checkpoints");
                    if (saved != null) {
                        offsetsSeen.add(io.otelier.helper.fileconsumer.internal.Checkpoints.decode(saved, 0).stream()
                                .mapToLong(s -> s.offset()).max().orElse(0));
                    }
                    Thread.sleep(2);
                }, new io.otelier.testkit.RecordingLogger(), "t");
        consumer.start(storage);
        try {
            assertThat(io.otelier.testkit.Waiting.eventually(() -> {
                byte[] saved = storage.get("fileconsumer.checkpoints");
                try {
                    return saved != null && io.otelier.helper.fileconsumer.internal.Checkpoints.decode(saved, 0)
                            .stream().anyMatch(s -> s.offset() == size);
                } catch (IOException e) {
                    return false;
                }
            }, Duration.ofSeconds(20))).isTrue();
        } finally {
            consumer.stop();
        }
        // checkpoints written while the one long poll was still emitting, each further along the file
        assertThat(offsetsSeen).anySatisfy(o -> assertThat(o).isPositive().isLessThan(size));
        assertThat(offsetsSeen).isSorted();
    }

    @Test
    void aPollThatFailsIsRetriedByTheNextOne() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "one\n");
        List<Object> bodies = new ArrayList<>();
        boolean[] broken = {true};
        FileConsumer consumer = new FileConsumer(Harness.fromStart(dir, "*.log")
                .pollInterval(Duration.ofHours(1)), batch -> {
                    if (broken[0]) {
                        throw new LinkageError("a bundle went away");
                    }
                    batch.forEach(t -> bodies.add(t.body()));
                }, new io.otelier.testkit.RecordingLogger(), "t");
        org.assertj.core.api.Assertions.assertThatThrownBy(consumer::pollOnce).isInstanceOf(LinkageError.class);
        broken[0] = false;
        append(file, "two\n");
        consumer.pollOnce();
        consumer.stop();
        assertThat(bodies).containsExactly("one", "two");
    }

    @Test
    void aCorruptCheckpointIsAStartError() {
        MemoryStorage storage = new MemoryStorage();
        storage.values.put("fileconsumer.checkpoints", "garbage that is not ours".getBytes());
        Harness h = new Harness(Harness.fromStart(dir, "*.log"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.start(storage))
                .hasMessageContaining("read known files from database");
    }

    @Test
    void overLongLinesAreSplitAtMaxLogSize() throws Exception {
        append(dir.resolve("a.log"), "x".repeat(2500) + "\nshort\n");
        Harness h = run(Harness.fromStart(dir, "*.log").maxLogSize(1000));
        assertThat(h.poll()).containsExactly("x".repeat(1000), "x".repeat(1000), "x".repeat(500), "short");
    }

    @Test
    void overLongLinesAreCutWithTruncate() throws Exception {
        append(dir.resolve("a.log"), "y".repeat(2500) + "\nshort\n");
        Harness h = run(Harness.fromStart(dir, "*.log").maxLogSize(1000).maxLogSizeBehavior("truncate"));
        assertThat(h.poll()).containsExactly("y".repeat(1000), "short");
    }

    @Test
    void invalidUtf8AndBinaryGarbageNeverStopTheReader() throws Exception {
        Path file = dir.resolve("a.log");
        append(file, "before\n");
        append(file, new byte[] {(byte) 0xc3, (byte) 0x28, 'x', '\n', 0, 1, 2, (byte) 0xfe, (byte) 0xff, '\n'});
        byte[] garbage = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(garbage);
        append(file, garbage);
        append(file, "\nafter\n");
        Harness h = run(Harness.fromStart(dir, "*.log"));
        List<Object> out = h.poll();
        assertThat(out.get(0)).isEqualTo("before");
        assertThat(out.get(1)).isEqualTo("\uFFFD(x");
        assertThat(out.get(out.size() - 1)).isEqualTo("after");
        append(file, "still reading\n");
        assertThat(h.poll()).containsExactly("still reading");
    }

    @Test
    void emptyLinesMakeNoEntriesButCountAsRecords() throws Exception {
        append(dir.resolve("a.log"), "one\n\n   \ntwo\n");
        Harness h = run(Harness.fromStart(dir, "*.log").includeFileRecord(true, true));
        assertThat(h.poll()).containsExactly("one", "two");
        assertThat(h.tokens.get(0).attributes()).containsEntry("log.file.record_number", 1L)
                .containsEntry("log.file.record_offset", 0L);
        assertThat(h.tokens.get(1).attributes()).containsEntry("log.file.record_number", 4L)
                .containsEntry("log.file.record_offset", 9L);
    }

    @Test
    void fileAttributes() throws Exception {
        Path file = dir.resolve("real.log");
        append(file, "line\n");
        Files.createSymbolicLink(dir.resolve("link.log"), file);
        Harness h = run(Harness.fromStart(dir, "link.log").includeFile(true, true, true, true)
                .includeFileOwner(true, true, true));
        h.poll();
        assertThat(h.tokens.get(0).attributes())
                .containsEntry("log.file.name", "link.log")
                .containsEntry("log.file.path", dir.resolve("link.log").toString())
                .containsEntry("log.file.name_resolved", "real.log")
                .containsEntry("log.file.path_resolved", file.toRealPath().toString())
                .containsEntry("log.file.owner.name", System.getProperty("user.name"))
                .containsKey("log.file.owner.group.name")
                .containsKey("log.file.permissions");
        assertThat((String) h.tokens.get(0).attributes().get("log.file.permissions")).matches("[0-7]{3}");
    }

    @Test
    void onlyTheFileNameByDefault() throws Exception {
        append(dir.resolve("a.log"), "line\n");
        Harness h = run(Harness.fromStart(dir, "*.log"));
        h.poll();
        assertThat(h.tokens.get(0).attributes()).containsExactly(java.util.Map.entry("log.file.name", "a.log"));
    }

    @Test
    void manyLinesComeInBatchesOfAtMostOneHundred() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        append(dir.resolve("a.log"), String.join("", IntStream.range(0, 250).mapToObj(i -> i + "\n").toList()));
        FileConsumer consumer = new FileConsumer(Harness.fromStart(dir, "*.log"), batch -> sizes.add(batch.size()),
                new io.otelier.testkit.RecordingLogger(), "t");
        consumer.pollOnce();
        consumer.stop();
        assertThat(sizes).containsExactly(100, 100, 50);
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
