package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.pdata.Logs;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.receiver.filelog.internal.FileLogConfig;
import io.otelier.receiver.filelog.internal.FileLogReceiverFactory;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Waiting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How files are cut into entries, against upstream: each case of fileconsumer-corpus/ (settings + input file) went
 * through the upstream contrib collector's file_log (interop/run-fileconsumer-goldens.sh wrote what it exported to
 * upstream-golden/fileconsumer/); here the same settings and input go through ours, and the records must match in
 * order: bodies (text or bytes) and attributes.
 */
class FileConsumerParityTest {

    private static final Path RESOURCES = Paths.get("src/test/resources");

    @TempDir
    Path dir;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(RESOURCES.resolve("fileconsumer-corpus"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** A record as compared: its body and its attributes by key. */
    private record Entry(AnyValue body, Map<String, AnyValue> attributes) {
        static Entry of(LogRecord r) {
            Map<String, AnyValue> attributes = new LinkedHashMap<>();
            r.attributes().forEach(attributes::put);
            return new Entry(r.body(), attributes);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesUpstream(String name) throws Exception {
        Path corpus = RESOURCES.resolve("fileconsumer-corpus").resolve(name);
        Properties props = new Properties();
        if (Files.exists(corpus.resolve("case.properties"))) {
            try (var in = Files.newInputStream(corpus.resolve("case.properties"))) {
                props.load(in);
            }
        }
        String file = props.getProperty("file", "input.log");
        Files.copy(corpus.resolve(file), dir.resolve(file));
        List<Entry> expected = golden(name);

        String receiverYaml = Files.readString(corpus.resolve("receiver.yaml")).strip();
        String yaml = (receiverYaml.equals("{}") ? "" : receiverYaml + "\n")
                + "include: [ " + dir.resolve(file) + " ]\nstart_at: beginning\n";
        FileLogConfig config = bind(yaml);
        SinkConsumer<Logs> sink = new SinkConsumer<>();
        Receiver r = new FileLogReceiverFactory().createLogs(
                TestSettings.of(ComponentKind.RECEIVER, "file_log").settings, config, sink);
        r.start(new TestHost());
        try {
            Waiting.eventually(() -> records(sink).size() >= expected.size(), Duration.ofSeconds(10));
            Thread.sleep(800); // nothing more may come
        } finally {
            r.shutdown();
        }
        assertThat(records(sink)).isEqualTo(expected);
    }

    private static List<Entry> records(SinkConsumer<Logs> sink) {
        List<Entry> out = new ArrayList<>();
        for (Logs logs : sink.received()) {
            logs.resourceLogs().forEach(rl -> rl.scopeLogs().forEach(sl -> sl.logRecords()
                    .forEach(rec -> out.add(Entry.of(rec)))));
        }
        return out;
    }

    private List<Entry> golden(String name) throws Exception {
        List<Entry> out = new ArrayList<>();
        Path goldenFile = RESOURCES.resolve("upstream-golden/fileconsumer").resolve(name + ".json");
        for (String line : Files.readAllLines(goldenFile)) {
            Logs logs = OtlpJson.decodeLogs(line.replace("${DIR}", dir.toString()).getBytes(StandardCharsets.UTF_8));
            logs.resourceLogs().forEach(rl -> rl.scopeLogs().forEach(sl -> {
                assertThat(sl.scope().name()).isEqualTo(
                        "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver");
                sl.logRecords().forEach(rec -> out.add(Entry.of(rec)));
            }));
        }
        return out;
    }

    private FileLogConfig bind(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, "receivers:\n  file_log:\n" + yaml.indent(4));
        ConfigResolver.Resolved resolved = new ConfigResolver(n -> null).resolve(List.of(file.toString()), List.of());
        @SuppressWarnings("unchecked")
        Object raw = ((Map<String, Object>) resolved.tree().get("receivers")).get("file_log");
        return new ConfigBinder(resolved.sources()).bind(List.of("receivers", "file_log"), new FileLogReceiverFactory(),
                raw);
    }
}
