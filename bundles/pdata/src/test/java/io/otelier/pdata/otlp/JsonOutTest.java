package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.logs.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written JSON writer against the Jackson-based one it replaced: the same bytes, always. */
class JsonOutTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTreesEncodeToTheSameBytesAsTheJacksonWriter(long seed) {
        RandomTrees trees = new RandomTrees(seed);
        Traces traces = trees.traces();
        Metrics metrics = trees.metrics();
        Logs logs = trees.logs();

        assertThat(text(OtlpJson.encode(traces))).isEqualTo(text(JacksonJson.encode(traces)));
        assertThat(text(OtlpJson.encode(metrics))).isEqualTo(text(JacksonJson.encode(metrics)));
        assertThat(text(OtlpJson.encode(logs))).isEqualTo(text(JacksonJson.encode(logs)));
    }

    static Stream<String> strings() {
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
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("strings")
    void stringsAreEscapedAsJacksonEscapedThem(String value) {
        Logs logs = new Logs();
        LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();
        record.setBody(AnyValue.of(value));
        record.attributes().put(value, AnyValue.of(value));

        assertThat(OtlpJson.encode(logs)).isEqualTo(JacksonJson.encode(logs));
    }

    @Test
    void stringsNeedingTheFallbackCanFollowEachOtherInOneDocument() {
        Logs logs = new Logs();
        LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();
        record.setBody(AnyValue.of("日本"));
        record.setSeverityText("😀");
        record.attributes().put("k\uD83D", AnyValue.of("v"));
        record.attributes().put("plain", AnyValue.of("語"));

        assertThat(text(OtlpJson.encode(logs))).isEqualTo(text(JacksonJson.encode(logs)))
                .contains("\"severityText\":\"😀\"", "\"body\":{\"stringValue\":\"日本\"}",
                        "{\"key\":\"plain\",\"value\":{\"stringValue\":\"語\"}}");
    }

    @Test
    void integersOfEveryLengthAndSign() {
        long[] values = {0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, 4_294_967_295L, 999_999_999_999_999_999L,
            1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, -1, -10, -1_000_000_000, Long.MIN_VALUE + 1};
        for (long value : values) {
            for (long v : new long[] {value, value + 1, value - 1}) {
                Logs logs = new Logs();
                LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();
                record.setTimeUnixNano(v);
                record.setBody(AnyValue.of(v));
                record.setDroppedAttributesCount((int) v);
                record.setFlags((int) (v >>> 32));

                assertThat(text(OtlpJson.encode(logs))).as("%d", v).isEqualTo(text(JacksonJson.encode(logs)));
            }
        }
    }

    @Test
    void numbersSharingTheirLeadingDigitsInOneDocument() {
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

        assertThat(text(OtlpJson.encode(logs))).isEqualTo(text(JacksonJson.encode(logs)));
    }

    @Test
    void attributesHoldingTheSameObjectsAsTheLastOnesWritten() {
        Random random = new Random(5);
        AnyValue[] values = {AnyValue.of("a.log"), AnyValue.of("b.log"), AnyValue.of("a.log"), AnyValue.of(7L),
            AnyValue.ofArray(AnyValue.of("x"), AnyValue.of(true))};
        String[] keys = {"log.file.name", "log.file.path", new String("log.file.name")};
        Logs logs = new Logs();
        var resource = logs.resourceLogs().addNew();
        resource.resource().attributes().put(keys[0], values[0]);
        var scope = resource.scopeLogs().addNew();
        scope.scope().attributes().put(keys[0], values[0]);
        for (int i = 0; i < 300; i++) {
            LogRecord record = scope.logRecords().addNew();
            record.setBody(AnyValue.of("line " + i));
            for (int j = 0, n = random.nextInt(4); j < n; j++) {
                record.attributes().put(keys[random.nextInt(keys.length)], values[random.nextInt(values.length)]);
            }
        }
        Traces traces = new Traces();
        var spans = traces.resourceSpans().addNew().scopeSpans().addNew().spans();
        for (int i = 0; i < 50; i++) {
            var span = spans.addNew();
            span.attributes().put(keys[i % 2], values[i % 3]);
            span.events().addNew().attributes().put(keys[i % 2], values[i % 3]);
        }

        assertThat(text(OtlpJson.encode(logs))).isEqualTo(text(JacksonJson.encode(logs)));
        assertThat(text(OtlpJson.encode(traces))).isEqualTo(text(JacksonJson.encode(traces)));
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
