package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Logs;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.testkit.RecordingLogger;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream parity: every case of upstream-corpus/ goes through our pipeline and adapter the way the file_log
 * receiver feeds it (body = the line trimmed of surrounding whitespace, log.file.name, and log.file.path when the case includes it), and the
 * records must equal those upstream's collector wrote (upstream-golden/, made by interop/run-stanza-corpus.sh).
 * Records are compared per (resource, scope) group in order; groups are compared as a set, because how
 * upstream's emitter cut batches decides their order. Observed timestamps and scope versions are ignored.
 */
class UpstreamCorpusTest {

    static final String FILELOG_SCOPE = "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/filelogreceiver";
    static final String WORK_ROOT = "/tmp/otelier-stanza-corpus/";

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/upstream-corpus").toURI());
        Path golden = Path.of(getClass().getResource("/upstream-golden").toURI());
        List<Path> cases;
        try (Stream<Path> list = Files.list(root)) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir, golden.resolve(dir.getFileName() + ".json"))));
    }

    private static void check(Path caseDir, Path goldenFile) throws Exception {
        String name = caseDir.getFileName().toString();
        Properties props = new Properties();
        Path propsFile = caseDir.resolve("case.properties");
        if (Files.exists(propsFile)) {
            try (Reader r = Files.newBufferedReader(propsFile)) {
                props.load(r);
            }
        }
        String file = props.getProperty("file", "input.log");
        boolean includePath = Boolean.parseBoolean(props.getProperty("include_file_path", "false"));
        boolean includeName = Boolean.parseBoolean(props.getProperty("include_file_name", "true"));
        boolean ignoreTimestamps = Boolean.parseBoolean(props.getProperty("ignore_timestamps", "false"));
        boolean unordered = Boolean.parseBoolean(props.getProperty("unordered", "false"));

        List<Map<String, Object>> operators =
                PipelineTestSupport.operators(Files.readString(caseDir.resolve("operators.yaml")));
        List<Entry> out = Collections.synchronizedList(new ArrayList<>());
        OperatorPipeline pipeline = OperatorPipeline.build(operators, new RecordingLogger(), out::add);
        pipeline.start();
        String input = Files.readString(caseDir.resolve("input.log"), StandardCharsets.UTF_8);
        String[] lines = input.split("\n", -1);
        int count = input.endsWith("\n") ? lines.length - 1 : lines.length;
        String fileName = Path.of(file).getFileName().toString();
        for (int i = 0; i < count; i++) {
            Entry entry = new Entry(trimWhitespace(lines[i]));
            if (includeName) {
                entry.addAttribute("log.file.name", fileName);
            }
            if (includePath) {
                entry.addAttribute("log.file.path", WORK_ROOT + name + "/" + file);
            }
            pipeline.process(entry);
        }
        pipeline.stop();

        Logs ours = OtlpJson.decodeLogs(OtlpJson.encode(EntryConverter.convert(new ArrayList<>(out), FILELOG_SCOPE, "")));
        Map<String, List<String>> actual = groups(List.of(ours), ignoreTimestamps, unordered);
        List<Logs> upstream = new ArrayList<>();
        for (String line : Files.readAllLines(goldenFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                upstream.add(OtlpJson.decodeLogs(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        Map<String, List<String>> expected = groups(upstream, ignoreTimestamps, unordered);
        assertThat(actual).as("case %s", name).isEqualTo(expected);
    }

    /** file_log's default trim (upstream trim.Whitespace): spaces, tabs, CR and LF at both ends. */
    static String trimWhitespace(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && " \t\r\n".indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(start, end);
    }

    /** Canonical records by their resource+scope group. */
    private static Map<String, List<String>> groups(List<Logs> batches, boolean ignoreTimestamps, boolean unordered) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (Logs logs : batches) {
            for (ResourceLogs rl : logs.resourceLogs()) {
                String resource = canonical(rl.resource().attributes()).toString();
                for (ScopeLogs sl : rl.scopeLogs()) {
                    String key = "resource=" + resource + " scope=" + sl.scope().name();
                    List<String> records = groups.computeIfAbsent(key, k -> new ArrayList<>());
                    for (LogRecord r : sl.logRecords()) {
                        records.add(record(r, ignoreTimestamps));
                    }
                }
            }
        }
        if (unordered) {
            groups.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        }
        return groups;
    }

    private static String record(LogRecord r, boolean ignoreTimestamps) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!ignoreTimestamps) {
            m.put("time", r.timeUnixNano());
        }
        m.put("severity", r.severityNumber() + "/" + r.severityText());
        m.put("body", canonical(r.body()));
        m.put("attributes", canonical(r.attributes()));
        m.put("trace", r.traceId() + "/" + r.spanId() + "/" + r.flags());
        return m.toString();
    }

    private static Map<String, Object> canonical(Attributes attributes) {
        Map<String, Object> m = new TreeMap<>();
        attributes.forEach((k, v) -> m.put(k, canonical(v)));
        return m;
    }

    private static Object canonical(AnyValue v) {
        return switch (v.type()) {
            case EMPTY -> "empty";
            case STRING -> "str:" + v.stringValue();
            case BOOL -> "bool:" + v.boolValue();
            case INT -> "int:" + v.intValue();
            case DOUBLE -> "double:" + v.doubleValue();
            case BYTES -> "bytes:" + Base64.getEncoder().encodeToString(v.bytesValue());
            case ARRAY -> v.arrayValue().stream().map(UpstreamCorpusTest::canonical).toList();
            case KVLIST -> {
                Map<String, Object> m = new TreeMap<>();
                for (KeyValue kv : v.kvListValue()) {
                    m.put(kv.key(), canonical(kv.value()));
                }
                yield m;
            }
        };
    }
}
