package io.otelier.exporter.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExporterTest {

    @TempDir
    Path dir;

    private final FileExporterFactory factory = new FileExporterFactory();
    private final TestSettings settings = TestSettings.of(ComponentKind.EXPORTER, "file");

    static FileExporterConfig config(Path path, String format, String compression) {
        return new FileExporterConfig(path.toString(), false, null, format, compression, Duration.ZERO, false, "",
                FileExporterConfig.GroupBy.defaults());
    }

    /** All three signals of one exporter, written through one shared file, in order. */
    private void writeAll(FileExporterConfig config, Traces traces, Metrics metrics, Logs logs) throws Exception {
        config.validate();
        Exporter<Traces> t = factory.createTraces(settings.settings, config);
        Exporter<Metrics> m = factory.createMetrics(settings.settings, config);
        Exporter<Logs> l = factory.createLogs(settings.settings, config);
        t.start(new TestHost());
        m.start(new TestHost());
        l.start(new TestHost());
        t.consume(RequestContext.EMPTY, traces);
        m.consume(RequestContext.EMPTY, metrics);
        l.consume(RequestContext.EMPTY, logs);
        l.shutdown();
        m.shutdown();
        t.shutdown();
        assertThat(factory.sharedCount()).isZero();
    }

    @Test
    void jsonWritesOneOtlpJsonObjectPerLineForEverySignal() throws Exception {
        Path out = dir.resolve("all.json");
        writeAll(config(out, "json", ""), Samples.traces("a"), Samples.metrics("b"), Samples.logs("hello\nworld"));

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"resourceSpans\":");
        assertThat(OtlpJson.decodeTraces(lines.get(0).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Samples.traces("a"));
        assertThat(OtlpJson.decodeMetrics(lines.get(1).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Samples.metrics("b"));
        assertThat(OtlpJson.decodeLogs(lines.get(2).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Samples.logs("hello\nworld"));
    }

    @Test
    void protoWritesLengthPrefixedMessages() throws Exception {
        Path out = dir.resolve("all.pb");
        writeAll(config(out, "proto", ""), Samples.traces("a"), Samples.metrics("b"), Samples.logs("x"));

        List<byte[]> messages = lengthPrefixed(Files.readAllBytes(out));
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).isEqualTo(OtlpProto.encode(Samples.traces("a")));
        assertThat(OtlpProto.decodeTraces(messages.get(0))).isEqualTo(Samples.traces("a"));
        assertThat(OtlpProto.decodeMetrics(messages.get(1))).isEqualTo(Samples.metrics("b"));
        assertThat(OtlpProto.decodeLogs(messages.get(2))).isEqualTo(Samples.logs("x"));
    }

    @Test
    void zstdCompressesEachMessageAndLengthPrefixesEvenJson() throws Exception {
        for (String format : List.of("json", "proto")) {
            Path out = dir.resolve("all-" + format + ".zst");
            writeAll(config(out, format, "zstd"), Samples.traces("a"), Samples.metrics("b"), Samples.logs("x"));

            List<byte[]> frames = lengthPrefixed(Files.readAllBytes(out));
            assertThat(frames).as(format).hasSize(3);
            List<byte[]> messages = new ArrayList<>();
            for (byte[] frame : frames) {
                assertThat(frame).startsWith(0x28, 0xb5, 0x2f, 0xfd); // a zstd frame's magic number
                messages.add(Zstd.decompress(frame, (int) Zstd.getFrameContentSize(frame)));
            }
            if (format.equals("json")) {
                assertThat(OtlpJson.decodeTraces(messages.get(0))).isEqualTo(Samples.traces("a"));
                assertThat(OtlpJson.decodeMetrics(messages.get(1))).isEqualTo(Samples.metrics("b"));
                assertThat(OtlpJson.decodeLogs(messages.get(2))).isEqualTo(Samples.logs("x"));
            } else {
                assertThat(OtlpProto.decodeTraces(messages.get(0))).isEqualTo(Samples.traces("a"));
                assertThat(OtlpProto.decodeMetrics(messages.get(1))).isEqualTo(Samples.metrics("b"));
                assertThat(OtlpProto.decodeLogs(messages.get(2))).isEqualTo(Samples.logs("x"));
            }
        }
    }

    @Test
    void truncatesAtStartUnlessAppending() throws Exception {
        Path out = dir.resolve("logs.json");
        Files.writeString(out, "old line\n");
        writeLogs(config(out, "json", ""), "first");
        assertThat(Files.readAllLines(out)).hasSize(1).allMatch(l -> l.contains("first"));

        FileExporterConfig appending = new FileExporterConfig(out.toString(), true, null, "json", "", Duration.ZERO,
                false, "", FileExporterConfig.GroupBy.defaults());
        writeLogs(appending, "second");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("first");
        assertThat(lines.get(1)).contains("second");
    }

    private void writeLogs(FileExporterConfig config, String body) throws Exception {
        config.validate();
        Exporter<Logs> l = new FileExporterFactory().createLogs(settings.settings, config);
        l.start(new TestHost());
        l.consume(RequestContext.EMPTY, Samples.logs(body));
        l.shutdown();
    }

    @Test
    void bufferedWritesReachTheFileOnTheFlushTimer() throws Exception {
        Path out = dir.resolve("flushed.json");
        FileExporterConfig config = new FileExporterConfig(out.toString(), false, null, "json", "",
                Duration.ofMillis(200), false, "", FileExporterConfig.GroupBy.defaults());
        Exporter<Logs> l = factory.createLogs(settings.settings, config);
        l.start(new TestHost());
        try {
            l.consume(RequestContext.EMPTY, Samples.logs("small"));
            assertThat(Files.size(out)).as("still in the 4 KiB buffer").isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (Files.size(out) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readAllLines(out)).hasSize(1);
        } finally {
            l.shutdown();
        }
    }

    @Test
    void shutdownFlushesWhatIsBuffered() throws Exception {
        Path out = dir.resolve("closing.json");
        FileExporterConfig config = new FileExporterConfig(out.toString(), false, null, "json", "",
                Duration.ofHours(1), false, "", FileExporterConfig.GroupBy.defaults());
        Exporter<Logs> l = factory.createLogs(settings.settings, config);
        l.start(new TestHost());
        l.consume(RequestContext.EMPTY, Samples.logs("one"));
        l.consume(RequestContext.EMPTY, Samples.logs("two"));
        assertThat(Files.size(out)).isZero();
        l.shutdown();
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    @Test
    void unwritablePathFailsStart() {
        Path out = dir.resolve("missing-dir").resolve("x.json");
        Exporter<Logs> l = factory.createLogs(settings.settings, config(out, "json", ""));
        assertThatThrownBy(() -> l.start(new TestHost())).isInstanceOf(IOException.class)
                .hasMessage("open " + out + ": no such file or directory");
        assertThat(factory.sharedCount()).isZero();
    }

    @Test
    void aDirectoryAsPathFailsStart() {
        Exporter<Logs> l = factory.createLogs(settings.settings, config(dir, "json", ""));
        assertThatThrownBy(() -> l.start(new TestHost())).isInstanceOf(IOException.class)
                .hasMessageStartingWith("open " + dir + ": ");
    }

    @Test
    void createDirectoryMakesTheParent() throws Exception {
        Path out = dir.resolve("a/b/x.json");
        FileExporterConfig config = new FileExporterConfig(out.toString(), false, null, "json", "", Duration.ZERO,
                true, "0750", FileExporterConfig.GroupBy.defaults());
        config.validate();
        writeLogs(config, "made");
        assertThat(Files.readAllLines(out)).hasSize(1);
        assertThat(Files.getPosixFilePermissions(out.getParent()).toString()).doesNotContain("OTHERS");
    }

    @Test
    void consumeAfterShutdownIsAPermanentError() throws Exception {
        Exporter<Logs> l = factory.createLogs(settings.settings, config(dir.resolve("x.json"), "json", ""));
        l.start(new TestHost());
        l.shutdown();
        assertThatThrownBy(() -> l.consume(RequestContext.EMPTY, Samples.logs("late")))
                .isInstanceOf(PermanentException.class).hasMessageContaining("not started");
    }

    @Test
    void doesNotMutateData() {
        assertThat(factory.createLogs(settings.settings, config(dir.resolve("x"), "json", "")).mutatesData())
                .isFalse();
    }

    /** Splits a file of 4-byte big-endian length-prefixed messages. */
    static List<byte[]> lengthPrefixed(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        List<byte[]> out = new ArrayList<>();
        while (in.hasRemaining()) {
            byte[] message = new byte[in.getInt()];
            in.get(message);
            out.add(message);
        }
        return out;
    }
}
