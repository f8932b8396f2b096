package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written JSON writer writes what the Jackson-based writer it replaced wrote, byte for byte: for every
 * document below, {@code json-writer-golden.txt} holds the SHA-256 (first 64 bits) of the Jackson writer's output (recorded with
 * it before it was removed, commit 728118c's parent). A failing name says which document differs; the old
 * writer's output for it can be had from that commit.
 */
class JsonOutTest {

    private static final String GOLDEN = "json-writer-golden.txt";
    private static final List<String> STRINGS = strings();

    /** Every document's name: random trees per seed and signal, strings, numbers, repeated attributes. */
    static Stream<String> names() {
        List<String> names = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            names.add("traces/" + seed);
            names.add("metrics/" + seed);
            names.add("logs/" + seed);
        }
        for (int i = 0; i < STRINGS.size(); i++) {
            names.add("string/" + i);
        }
        for (long v : integers()) {
            names.add("integer/" + v);
        }
        names.addAll(List.of("fallbacks", "numbers", "attributes/logs", "attributes/traces"));
        return names.stream();
    }

    /** The document a name stands for. */
    static Telemetry document(String name) {
        String[] parts = name.split("/", 2);
        return switch (parts[0]) {
            case "traces" -> new RandomTrees(Long.parseLong(parts[1])).traces();
            case "metrics" -> new RandomTrees(Long.parseLong(parts[1])).metrics();
            case "logs" -> new RandomTrees(Long.parseLong(parts[1])).logs();
            case "string" -> stringDocument(STRINGS.get(Integer.parseInt(parts[1])));
            case "integer" -> integerDocument(Long.parseLong(parts[1]));
            case "fallbacks" -> fallbacks();
            case "numbers" -> numbersSharingLeadingDigits();
            case "attributes" -> parts[1].equals("logs") ? repeatedAttributeLogs() : repeatedAttributeTraces();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static byte[] encode(Telemetry data) {
        if (data instanceof Traces traces) {
            return OtlpJson.encode(traces);
        }
        return data instanceof Metrics metrics ? OtlpJson.encode(metrics) : OtlpJson.encode((Logs) data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void writesWhatTheJacksonWriterWrote(String name) {
        assertThat(sha256(encode(document(name)))).as(name).isEqualTo(golden().get(name));
    }

    @Test
    void everyDocumentHasItsRecordedHash() {
        assertThat(golden().keySet()).containsExactlyElementsOf(names().toList());
    }

    @Test
    void stringsNeedingTheFallbackCanFollowEachOtherInOneDocument() {
        assertThat(new String(encode(fallbacks()), StandardCharsets.UTF_8)).contains("\"severityText\":\"😀\"",
                "\"body\":{\"stringValue\":\"日本\"}", "{\"key\":\"plain\",\"value\":{\"stringValue\":\"語\"}}");
    }

    // ---- the documents

    private static List<String> strings() {
        List<String> out = new ArrayList<>(List.of("", "plain", "?", "a?b", "é?", "\u00ff\u0080\u007f",
                "\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/", "日本語?", "😀", "a😀?b", "cut \uD83D here",
                "\uDE00 low first", "pair at end \uD83D\uDE00", "lone at end \uD83D", "?\uD83D", "\u2028\u2029",
                "x".repeat(5000), "\"".repeat(3000), "\u0001".repeat(3000), "é".repeat(3000)));
        for (int c = 0; c < 0x800; c++) {
            out.add("<" + (char) c + ">");
        }
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0, n = random.nextInt(40); j < n; j++) {
                s.append(switch (random.nextInt(5)) {
                    case 0 -> (char) random.nextInt(0x20);
                    case 1 -> (char) random.nextInt(0x100);
                    case 2 -> (char) random.nextInt(0x10000); // lone surrogates included
                    case 3 -> "\"\\?";
                    default -> (char) (0x20 + random.nextInt(0x5f));
                });
            }
            out.add(s.toString());
        }
        return out;
    }

    private static Logs stringDocument(String value) {
        Logs logs = new Logs();
        LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();
        record.setBody(AnyValue.of(value));
        record.attributes().put(value, AnyValue.of(value));
        return logs;
    }

    private static List<Long> integers() {
        long[] values = {0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, 4_294_967_295L, 999_999_999_999_999_999L,
            1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -10, -1_000_000_000, Long.MIN_VALUE + 1};
        List<Long> out = new ArrayList<>();
        for (long value : values) {
            for (long v : new long[] {value, value + 1, value - 1}) {
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static Logs integerDocument(long v) {
        Logs logs = new Logs();
        LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();
        record.setTimeUnixNano(v);
        record.setBody(AnyValue.of(v));
        record.setDroppedAttributesCount((int) v);
        record.setFlags((int) (v >>> 32));
        return logs;
    }

    private static Logs fallbacks() {
        Logs logs = new Logs();
        LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();
        record.setBody(AnyValue.of("日本"));
        record.setSeverityText("😀");
        record.attributes().put("k\uD83D", AnyValue.of("v"));
        record.attributes().put("plain", AnyValue.of("語"));
        return logs;
    }

    private static Logs numbersSharingLeadingDigits() {
        Random random = new Random(11);
        Logs logs = new Logs();
        var records = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords();
        long base = 1_795_685_976_774_483_232L;
        for (int i = 0; i < 500; i++) {
            long v = switch (random.nextInt(6)) {
                case 0 -> base + random.nextInt(1_000_000);
                case 1 -> base + random.nextInt(3) * 1_000_000_000L;
                case 2 -> -(base + random.nextInt(1000));
                case 3 -> random.nextInt(2_000_000_000) + 1;
                case 4 -> 1_000_000_000L * random.nextInt(5);
                default -> random.nextLong();
            };
            LogRecord record = records.addNew();
            record.setObservedTimeUnixNano(v);
            record.setTimeUnixNano(base + i);
            record.setBody(AnyValue.of(v));
        }
        return logs;
    }

    private static final AnyValue[] SHARED_VALUES = {AnyValue.of("a.log"), AnyValue.of("b.log"), AnyValue.of("a.log"),
        AnyValue.of(7L), AnyValue.ofArray(AnyValue.of("x"), AnyValue.of(true))};
    private static final String[] SHARED_KEYS = {"log.file.name", "log.file.path", new String("log.file.name")};

    /** Attributes holding the very objects the previous record's held: what the writer copies instead of encoding. */
    private static Logs repeatedAttributeLogs() {
        Random random = new Random(5);
        Logs logs = new Logs();
        var resource = logs.resourceLogs().addNew();
        resource.resource().attributes().put(SHARED_KEYS[0], SHARED_VALUES[0]);
        var scope = resource.scopeLogs().addNew();
        scope.scope().attributes().put(SHARED_KEYS[0], SHARED_VALUES[0]);
        for (int i = 0; i < 300; i++) {
            LogRecord record = scope.logRecords().addNew();
            record.setBody(AnyValue.of("line " + i));
            for (int j = 0, n = random.nextInt(4); j < n; j++) {
                record.attributes().put(SHARED_KEYS[random.nextInt(SHARED_KEYS.length)],
                        SHARED_VALUES[random.nextInt(SHARED_VALUES.length)]);
            }
        }
        return logs;
    }

    private static Traces repeatedAttributeTraces() {
        Traces traces = new Traces();
        var spans = traces.resourceSpans().addNew().scopeSpans().addNew().spans();
        for (int i = 0; i < 50; i++) {
            var span = spans.addNew();
            span.attributes().put(SHARED_KEYS[i % 2], SHARED_VALUES[i % 3]);
            span.events().addNew().attributes().put(SHARED_KEYS[i % 2], SHARED_VALUES[i % 3]);
        }
        return traces;
    }

    // ---- hashes

    /** The first 64 bits of the SHA-256, in hex: plenty to tell 5,000 documents' outputs apart from any change. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> golden;

    private static synchronized Map<String, String> golden() {
        if (golden == null) {
            Map<String, String> read = new LinkedHashMap<>();
            try (InputStream in = JsonOutTest.class.getResourceAsStream(GOLDEN)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        int space = line.lastIndexOf(' ');
                        read.put(line.substring(0, space), line.substring(space + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            golden = read;
        }
        return golden;
    }
}
