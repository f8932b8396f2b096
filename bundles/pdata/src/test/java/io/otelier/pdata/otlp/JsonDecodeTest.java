package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.otelier.pdata.Fixtures;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OTLP/JSON decoding of the lenient forms the spec and protobuf's mapping allow, and of malformed input. */
class JsonDecodeTest {

    private static Span span(String spanJson) throws OtlpDecodeException {
        Traces traces = OtlpJson.decodeTraces(utf8(
                "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + spanJson + "]}]}]}"));
        return traces.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
    }

    private static LogRecord logRecord(String recordJson) throws OtlpDecodeException {
        Logs logs = OtlpJson.decodeLogs(utf8("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[" + recordJson
                + "]}]}]}"));
        return logs.resourceLogs().get(0).scopeLogs().get(0).logRecords().get(0);
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    // ---- lenient forms

    @Test
    void readsSnakeCaseNamesEnumNamesAndNumbersInEitherForm() throws Exception {
        Span span = span("{\"trace_id\":\"0102030405060708090A0B0C0D0E0F10\",\"span_id\":\"1112131415161718\","
                + "\"parent_span_id\":\"\",\"kind\":\"SPAN_KIND_CLIENT\",\"start_time_unix_nano\":1700000000000000000,"
                + "\"end_time_unix_nano\":\"1700000000000000001\",\"flags\":\"257\","
                + "\"dropped_attributes_count\":1e1,\"status\":{\"code\":\"STATUS_CODE_ERROR\"}}");

        assertThat(span.traceId()).isEqualTo(Fixtures.TRACE_ID);
        assertThat(span.spanId()).isEqualTo(Fixtures.SPAN_ID);
        assertThat(span.parentSpanId()).isEqualTo(SpanId.EMPTY);
        assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.startTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(span.endTimeUnixNano()).isEqualTo(1_700_000_000_000_000_001L);
        assertThat(span.flags()).isEqualTo(257);
        assertThat(span.droppedAttributesCount()).isEqualTo(10);
        assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void readsTheFullUnsignedRangeOf64BitFields() throws Exception {
        Span span = span("{\"startTimeUnixNano\":\"18446744073709551615\",\"endTimeUnixNano\":18446744073709551615}");

        assertThat(span.startTimeUnixNano()).isEqualTo(-1L);
        assertThat(span.endTimeUnixNano()).isEqualTo(-1L);
    }

    @Test
    void ignoresUnknownFieldsAndNulls() throws Exception {
        Traces traces = OtlpJson.decodeTraces(utf8("{\"extra\":{\"a\":[1,{\"b\":null}]},\"resourceSpans\":[{"
                + "\"resource\":null,\"future\":[[]],\"scopeSpans\":[{\"spans\":[{\"name\":\"op\",\"kind\":null,"
                + "\"somethingNew\":\"x\",\"attributes\":null}]}]}]}"));

        Span span = traces.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
        assertThat(span.name()).isEqualTo("op");
        assertThat(span.kind()).isEqualTo(SpanKind.UNSPECIFIED);
        assertThat(span.attributes().isEmpty()).isTrue();
    }

    @Test
    void readsEveryKindOfValueInItsLenientForms() throws Exception {
        LogRecord record = logRecord("{\"severityNumber\":\"SEVERITY_NUMBER_WARN\",\"body\":{\"kvlist_value\":{"
                + "\"values\":[{\"key\":\"nan\",\"value\":{\"doubleValue\":\"NaN\"}},"
                + "{\"key\":\"inf\",\"value\":{\"double_value\":\"-Infinity\"}},"
                + "{\"key\":\"text\",\"value\":{\"doubleValue\":\"1.5\"}},"
                + "{\"key\":\"negzero\",\"value\":{\"doubleValue\":-0}},"
                + "{\"key\":\"int\",\"value\":{\"intValue\":42}},"
                + "{\"key\":\"bool\",\"value\":{\"boolValue\":\"true\"}},"
                + "{\"key\":\"url\",\"value\":{\"bytesValue\":\"-_8\"}},"
                + "{\"key\":\"std\",\"value\":{\"bytes_value\":\"+/8=\"}},"
                + "{\"key\":\"none\",\"value\":{}},"
                + "{\"key\":\"list\",\"value\":{\"arrayValue\":{}}}]}}}");

        assertThat(record.severityNumber()).isEqualTo(SeverityNumber.WARN);
        assertThat(record.body().kvListValue()).extracting(kv -> kv.value()).containsExactly(
                AnyValue.of(Double.NaN), AnyValue.of(Double.NEGATIVE_INFINITY), AnyValue.of(1.5),
                AnyValue.of(-0.0), AnyValue.of(42L), AnyValue.of(true),
                AnyValue.ofBytes(new byte[] {(byte) 0xFB, (byte) 0xFF}),
                AnyValue.ofBytes(new byte[] {(byte) 0xFB, (byte) 0xFF}), AnyValue.empty(), AnyValue.ofArray());
    }

    @Test
    void readsMetricsInLenientForms() throws Exception {
        Metrics metrics = OtlpJson.decodeMetrics(utf8("{\"resource_metrics\":[{\"scope_metrics\":[{\"metrics\":["
                + "{\"name\":\"s\",\"sum\":{\"aggregation_temporality\":\"AGGREGATION_TEMPORALITY_DELTA\","
                + "\"is_monotonic\":true,\"data_points\":[{\"as_int\":-5}]}},"
                + "{\"name\":\"h\",\"histogram\":{\"dataPoints\":[{\"bucketCounts\":[1,\"2\"],"
                + "\"explicitBounds\":[\"Infinity\",2],\"sum\":0}]}}]}]}]}"));

        Sum sum = metrics.resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(0).sum();
        assertThat(sum.aggregationTemporality()).isEqualTo(AggregationTemporality.DELTA);
        assertThat(sum.isMonotonic()).isTrue();
        assertThat(sum.dataPoints().get(0).intValue()).isEqualTo(-5);
        HistogramDataPoint point = metrics.resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(1)
                .histogram().dataPoints().get(0);
        assertThat(point.bucketCounts()).containsExactly(1, 2);
        assertThat(point.explicitBounds()).containsExactly(Double.POSITIVE_INFINITY, 2);
        assertThat(point.hasSum()).as("an explicit 0 is a sum").isTrue();
    }

    @Test
    void readsTheDeprecatedInstrumentationLibraryNames() throws Exception {
        Traces traces = OtlpJson.decodeTraces(utf8("{\"resourceSpans\":[{\"instrumentationLibrarySpans\":[{"
                + "\"instrumentationLibrary\":{\"name\":\"old\"},\"spans\":[{\"name\":\"op\"}]}]}]}"));

        assertThat(traces.resourceSpans().get(0).scopeSpans().get(0).scope().name()).isEqualTo("old");
        assertThat(traces.spanCount()).isEqualTo(1);
    }

    @Test
    void anEmptyObjectIsAnEmptyBatch() throws Exception {
        assertThat(OtlpJson.decodeTraces(utf8(" {} ")).isEmpty()).isTrue();
        assertThat(OtlpJson.decodeMetrics(utf8("{}")).isEmpty()).isTrue();
        assertThat(OtlpJson.decodeLogs(utf8("{\"resourceLogs\":[]}")).isEmpty()).isTrue();
    }

    @Test
    void readsIdsInEitherCase() throws Exception {
        LogRecord record = logRecord("{\"traceId\":\"ABCDEF0123456789abcdef0123456789\",\"spanId\":\"FFFFFFFFFFFFFFFF\"}");

        assertThat(record.traceId()).isEqualTo(TraceId.fromHex("abcdef0123456789abcdef0123456789"));
        assertThat(record.spanId().asLong()).isEqualTo(-1L);
    }

    // ---- malformed input

    static Stream<Arguments> malformed() {
        String spans = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[";
        return Stream.of(
                Arguments.of("a trace id of 30 digits", spans + "{\"traceId\":\"" + "a".repeat(30) + "\"}]}]}]}",
                        "want 32 hex digits, got 30 characters, at resourceSpans[0].scopeSpans[0].spans[0].traceId"),
                Arguments.of("a span id that is not hex", spans + "{\"spanId\":\"zz02030405060708\"}]}]}]}",
                        "not hex, at resourceSpans[0].scopeSpans[0].spans[0].spanId"),
                Arguments.of("an id that is a number", spans + "{\"spanId\":12}]}]}]}", "want a string"),
                Arguments.of("a negative uint32", spans + "{\"flags\":-1}]}]}]}",
                        "want an unsigned 32-bit integer, got -1, at resourceSpans[0].scopeSpans[0].spans[0].flags"),
                Arguments.of("a uint32 over 32 bits", spans + "{\"droppedLinksCount\":\"4294967296\"}]}]}]}",
                        "droppedLinksCount"),
                Arguments.of("a negative uint64", spans + "{\"startTimeUnixNano\":\"-1\"}]}]}]}",
                        "want an unsigned 64-bit integer"),
                Arguments.of("a uint64 over 64 bits", spans + "{\"startTimeUnixNano\":18446744073709551616}]}]}]}",
                        "want an unsigned 64-bit integer"),
                Arguments.of("an int64 over 63 bits", spans
                        + "{\"attributes\":[{\"key\":\"k\",\"value\":{\"intValue\":\"9223372036854775808\"}}]}]}]}]}",
                        "attributes[0].value.intValue"),
                Arguments.of("a fraction for an integer", spans + "{\"startTimeUnixNano\":\"1.5\"}]}]}]}",
                        "want an unsigned 64-bit integer, got \"1.5\""),
                Arguments.of("text for an integer", spans + "{\"kind\":true}]}]}]}", "want a signed 32-bit integer"),
                Arguments.of("an unknown enum name", spans + "{\"kind\":\"SPAN_KIND_SIDEWAYS\"}]}]}]}",
                        "unknown enum value \"SPAN_KIND_SIDEWAYS\""),
                Arguments.of("an object for a list", "{\"resourceSpans\":{}}", "want an array, got an object"),
                Arguments.of("a list for an object", spans + "{\"status\":[]}]}]}]}", "want an object, got an array"),
                Arguments.of("a number for a string", spans + "{\"name\":5}]}]}]}", "want a string, got a number"),
                Arguments.of("a null list element", "{\"resourceSpans\":[null]}", "an array element is null"),
                Arguments.of("invalid base64", spans
                        + "{\"attributes\":[{\"key\":\"k\",\"value\":{\"bytesValue\":\"!!\"}}]}]}]}]}", "invalid base64"),
                Arguments.of("a top-level array", "[]", "want an object, got an array"),
                Arguments.of("trailing content", "{}{}", "unexpected content after the top-level object"),
                Arguments.of("no JSON at all", "", "no JSON value"),
                Arguments.of("not JSON", "{resourceSpans:1}", "line 1, column 2"),
                Arguments.of("values nested too deep", spans + "{\"attributes\":[{\"key\":\"k\",\"value\":"
                        + "{\"arrayValue\":{\"values\":[".repeat(31) + "]}}".repeat(31) + "}]}]}]}]}",
                        "nested deeper than 30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedInputNamingWhereItIs(String name, String json, String expected) {
        Throwable thrown = catchThrowable(() -> OtlpJson.decodeTraces(utf8(json)));

        assertThat(thrown).isInstanceOf(OtlpDecodeException.class).hasMessageContaining(expected)
                .hasMessageContaining("line ");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] json = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(catchThrowable(() -> OtlpJson.decodeTraces(json))).isInstanceOf(OtlpDecodeException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void truncationAtEveryCharacterIsADecodeError() {
        byte[] sample = OtlpJson.encode(Fixtures.metrics());
        List<String> wrong = new ArrayList<>();
        for (int length = 0; length < sample.length; length++) {
            int at = length;
            Throwable thrown = catchThrowable(() -> OtlpJson.decodeMetrics(sample, 0, at));
            if (!(thrown instanceof OtlpDecodeException)) {
                wrong.add(at + ": " + thrown);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
