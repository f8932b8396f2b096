package io.otelier.receiver.filelog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.storage.StorageExtension;
import io.otelier.api.storage.StorageOperation;
import io.otelier.pdata.Logs;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import io.otelier.testkit.Waiting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final FileLogReceiverFactory factory = new FileLogReceiverFactory();
    private final SinkConsumer<Logs> sink = new SinkConsumer<>();

    private FileLogConfig config(String glob) {
        FileLogConfig config = new FileLogConfig();
        config.include(dir.resolve(glob).toString()).pollInterval(Duration.ofMillis(20));
        return config;
    }

    private static List<Map<String, Object>> jsonParser(String onError) {
        Map<String, Object> op = new HashMap<>();
        op.put("type", "json_parser");
        if (onError != null) {
            op.put("on_error", onError);
        }
        return List.of(op);
    }

    /** The settings of the receiver started last: its recorded log explains a failed wait. */
    private TestSettings settings;

    private Receiver start(FileLogConfig config, String id, TestHost host) throws Exception {
        settings = TestSettings.of(ComponentKind.RECEIVER, id);
        Receiver r = factory.createLogs(settings.settings, config, sink);
        r.start(host);
        return r;
    }

    private boolean awaitRecords(int n) throws InterruptedException {
        boolean arrived = Waiting.eventually(() -> Records.of(sink).size() >= n, WAIT);
        if (!arrived) {
            System.err.println("receiver log: " + settings.logger.entries());
        }
        return arrived;
    }

    private static void append(Path file, String text) throws IOException {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String body(LogRecord r) {
        return r.body().asString();
    }

    @Test
    void handsOnJsonLinesArriveParsedWithTheFileName() throws Exception {
        Path first = dir.resolve("cndt-1.json");
        append(first, "{\"before\":\"start\"}\n");
        Receiver r = start(config("cndt-*.json").operators(jsonParser(null)), "filelog", new TestHost());
        try {
            Thread.sleep(100); // a few polls: the existing line is skipped (start_at: end)
            append(first, "{\"level\":\"info\",\"msg\":\"hello\",\"n\":3}\n");
            append(dir.resolve("cndt-2023.json"), "{\"level\":\"warn\",\"msg\":\"new file\"}\n");
            assertThat(awaitRecords(2)).isTrue();
        } finally {
            r.shutdown();
        }
        List<LogRecord> records = Records.of(sink);
        assertThat(records).hasSize(2);
        LogRecord hello = records.stream().filter(x -> x.attributes().containsKey("msg")
                && x.attributes().getOrNull("msg").asString().equals("hello")).findFirst().orElseThrow();
        assertThat(hello.attributes().getOrNull("level")).isEqualTo(AnyValue.of("info"));
        assertThat(hello.attributes().getOrNull("n")).isEqualTo(AnyValue.of(3.0));
        assertThat(hello.attributes().getOrNull("log.file.name")).isEqualTo(AnyValue.of("cndt-1.json"));
        assertThat(body(hello)).isEqualTo("{\"level\":\"info\",\"msg\":\"hello\",\"n\":3}");
        LogRecord other = records.stream().filter(x -> x != hello).findFirst().orElseThrow();
        assertThat(other.attributes().getOrNull("log.file.name")).isEqualTo(AnyValue.of("cndt-2023.json"));
        assertThat(Records.scopeNames(sink)).containsOnly(FileLogReceiverFactory.SCOPE_NAME);
        assertThat(hello.observedTimeUnixNano()).isPositive();
    }

    @Test
    void aLineTheParserRejectsIsSentByDefault() throws Exception {
        Path file = dir.resolve("a.json");
        FileLogConfig config = config("a.json").operators(jsonParser(null));
        config.startAt("beginning");
        Receiver r = start(config, "filelog", new TestHost());
        try {
            append(file, "not json at all\n{\"ok\":true}\n");
            assertThat(awaitRecords(2)).isTrue();
        } finally {
            r.shutdown();
        }
        List<LogRecord> records = Records.of(sink);
        assertThat(body(records.get(0))).isEqualTo("not json at all");
        assertThat(records.get(0).attributes().keys()).containsExactly("log.file.name");
        assertThat(records.get(1).attributes().getOrNull("ok")).isEqualTo(AnyValue.of(true));
    }

    @Test
    void onErrorDropDropsTheLineAndKeepsGoing() throws Exception {
        Path file = dir.resolve("a.json");
        FileLogConfig config = config("a.json").operators(jsonParser("drop"));
        config.startAt("beginning");
        Receiver r = start(config, "filelog", new TestHost());
        try {
            append(file, "not json at all\n{\"ok\":true}\n");
            assertThat(awaitRecords(1)).isTrue();
            Thread.sleep(100);
        } finally {
            r.shutdown();
        }
        assertThat(Records.of(sink)).singleElement()
                .satisfies(x -> assertThat(x.attributes().getOrNull("ok")).isEqualTo(AnyValue.of(true)));
    }

    @Test
    void garbageInvalidUtf8AndOverLongLinesNeverStopTheReceiver() throws Exception {
        Path file = dir.resolve("a.log");
        FileLogConfig config = config("a.log");
        config.startAt("beginning").maxLogSize(1024);
        Receiver r = start(config, "filelog", new TestHost());
        try {
            byte[] garbage = new byte[200_000];
            new Random(1).nextBytes(garbage);
            append(file, garbage);
            append(file, new byte[] {'\n', (byte) 0xc3, 0x28, '\n'});
            append(file, "z".repeat(5000) + "\n");
            append(file, "the last good line\n");
            assertThat(Waiting.eventually(() -> Records.of(sink).stream()
                    .anyMatch(x -> body(x).equals("the last good line")), WAIT)).isTrue();
            append(file, "and one more after that\n");
            assertThat(Waiting.eventually(() -> Records.of(sink).stream()
                    .anyMatch(x -> body(x).equals("and one more after that")), WAIT)).isTrue();
        } finally {
            r.shutdown();
        }
        assertThat(Records.of(sink)).allSatisfy(x -> assertThat(body(x).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(1024 * 3));
        assertThat(Records.of(sink).stream().filter(x -> body(x).equals("z".repeat(1024)))).hasSize(4);
    }

    @Test
    void attributesAndResourceFromTheConfigAreSet() throws Exception {
        FileLogConfig config = config("a.log").attributes(Map.of("env", "test")).resource(Map.of("host", "h1"));
        config.startAt("beginning");
        append(dir.resolve("a.log"), "x\n");
        Receiver r = start(config, "filelog", new TestHost());
        try {
            assertThat(awaitRecords(1)).isTrue();
        } finally {
            r.shutdown();
        }
        assertThat(Records.of(sink).get(0).attributes().getOrNull("env")).isEqualTo(AnyValue.of("test"));
        assertThat(sink.received().get(0).resourceLogs().get(0).resource().attributes().getOrNull("host"))
                .isEqualTo(AnyValue.of("h1"));
    }

    @Test
    void aMissingStorageExtensionIsAStartError() {
        FileLogConfig config = config("a.log").storage("file_storage");
        assertThatThrownBy(() -> start(config, "filelog", new TestHost()))
                .hasMessage("storage client: storage extension 'file_storage' not found");
        assertThatThrownBy(() -> start(config, "filelog", new TestHost().with(ComponentId.of("file_storage"), "x")))
                .hasMessage("storage client: non-storage extension 'file_storage' found");
    }

    @Test
    void checkpointsAreKeyedByThePrimaryTypeWhicheverAliasIsUsed() throws Exception {
        MemoryExtension storage = new MemoryExtension();
        TestHost host = new TestHost().with(ComponentId.of("file_storage"), storage);
        Path file = dir.resolve("a.log");
        append(file, "one\n");
        FileLogConfig config = config("a.log").storage("file_storage");
        config.startAt("beginning");
        Receiver first = start(config, "filelog/app", host);
        assertThat(awaitRecords(1)).isTrue();
        first.shutdown();

        append(file, "two\n");
        FileLogConfig again = config("a.log").storage("file_storage");
        again.startAt("beginning");
        Receiver second = start(again, "file_log/app", host);
        assertThat(awaitRecords(2)).isTrue();
        Thread.sleep(100);
        second.shutdown();

        assertThat(Records.of(sink)).extracting(FileLogReceiverTest::body).containsExactly("one", "two");
        assertThat(storage.owners).containsExactly("receiver file_log/app", "receiver file_log/app");
    }

    @Test
    void shutdownEndsRetriesAndKeepsUndeliveredLinesForTheNextStart() throws Exception {
        MemoryExtension storage = new MemoryExtension();
        TestHost host = new TestHost().with(ComponentId.of("file_storage"), storage);
        append(dir.resolve("a.log"), "one\n");
        FileLogConfig config = config("a.log").storage("file_storage").retryOnFailure(
                new io.otelier.helper.stanza.RetryOnFailure(true, Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMinutes(5)));
        config.startAt("beginning");
        sink.failWith(new io.otelier.api.consumer.RetryableException("backend down"));
        Receiver first = start(config, "file_log", host);
        Thread.sleep(300); // retrying by now
        long before = System.nanoTime();
        first.shutdown();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));

        sink.failWith(null);
        Receiver second = start(config, "file_log", host);
        try {
            assertThat(awaitRecords(1)).isTrue();
        } finally {
            second.shutdown();
        }
        assertThat(Records.of(sink)).extracting(FileLogReceiverTest::body).containsExactly("one");
    }

    @Test
    void lifecycleLeavesNoThreads() throws Exception {
        Threads.assertNoneLeftBy(() -> {
            FileLogConfig config = config("a.log");
            config.startAt("beginning");
            append(dir.resolve("a.log"), "x\n");
            Receiver r = start(config, "filelog", new TestHost());
            assertThat(awaitRecords(1)).isTrue();
            r.shutdown();
        });
    }

    /** A storage extension in memory that remembers which key spaces were asked for. */
    private static final class MemoryExtension implements StorageExtension {
        final Map<String, Map<String, byte[]>> spaces = new HashMap<>();
        final List<String> owners = new ArrayList<>();

        @Override
        public synchronized StorageClient client(ComponentKind kind, ComponentId id, String name) {
            String owner = kind.name().toLowerCase() + " " + id + (name.isEmpty() ? "" : "/" + name);
            owners.add(owner);
            Map<String, byte[]> space = spaces.computeIfAbsent(owner, k -> new HashMap<>());
            return new StorageClient() {
                @Override
                public byte[] get(String key) {
                    synchronized (space) {
                        return space.get(key);
                    }
                }

                @Override
                public void set(String key, byte[] value) {
                    synchronized (space) {
                        space.put(key, value.clone());
                    }
                }

                @Override
                public void delete(String key) {
                    synchronized (space) {
                        space.remove(key);
                    }
                }

                @Override
                public List<byte[]> batch(List<StorageOperation> operations) {
                    throw new UnsupportedOperationException("not used by the receiver");
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
