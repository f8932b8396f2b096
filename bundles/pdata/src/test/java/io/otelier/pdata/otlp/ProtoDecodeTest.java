package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.Wire.bytes;
import static io.otelier.pdata.otlp.Wire.concat;
import static io.otelier.pdata.otlp.Wire.doubleField;
import static io.otelier.pdata.otlp.Wire.fixed32Field;
import static io.otelier.pdata.otlp.Wire.fixed64;
import static io.otelier.pdata.otlp.Wire.fixed64Field;
import static io.otelier.pdata.otlp.Wire.len;
import static io.otelier.pdata.otlp.Wire.string;
import static io.otelier.pdata.otlp.Wire.tag;
import static io.otelier.pdata.otlp.Wire.unknownFields;
import static io.otelier.pdata.otlp.Wire.varint;
import static io.otelier.pdata.otlp.Wire.varintField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.pdata.Fixtures;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Protobuf decoding of what the random wire tests do not produce: odd but valid input, and malformed input. */
class ProtoDecodeTest {

    /** A request with one span named {@code name}, the span's fields given as raw bytes. */
    private static byte[] spanRequest(byte[]... spanFields) {
        return len(1, len(2, len(2, spanFields)));
    }

    private static Span onlySpan(byte[] request) throws OtlpDecodeException {
        Traces traces = OtlpProto.decodeTraces(request);
        assertThat(traces.spanCount()).isEqualTo(1);
        return traces.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
    }

    // ---- valid input the random trees do not cover

    @Test
    void emptyInputIsAnEmptyBatch() throws Exception {
        assertThat(OtlpProto.decodeTraces(new byte[0]).isEmpty()).isTrue();
        assertThat(OtlpProto.decodeMetrics(new byte[0]).isEmpty()).isTrue();
        assertThat(OtlpProto.decodeLogs(new byte[0]).isEmpty()).isTrue();
    }

    @Test
    void skipsUnknownFieldsOfEveryWireTypeAtEveryLevel() throws Exception {
        byte[] request = concat(unknownFields(20), len(1, unknownFields(20), len(2, unknownFields(20),
                len(2, unknownFields(30), string(5, "op"), varintField(6, 2)),
                len(1, unknownFields(20), string(1, "scope")))));

        Traces traces = OtlpProto.decodeTraces(request);

        Span span = traces.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
        assertThat(span.name()).isEqualTo("op");
        assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(traces.resourceSpans().get(0).scopeSpans().get(0).scope().name()).isEqualTo("scope");
        // the generated classes agree
        assertThat(ProtoConverter.fromProto(ExportTraceServiceRequest.parseFrom(request))).isEqualTo(traces);
    }

    @Test
    void fieldsMayComeInAnyOrderAndTheLastScalarWins() throws Exception {
        Span span = onlySpan(spanRequest(varintField(6, 3), string(5, "first"), fixed64Field(7, 10),
                string(5, "second")));

        assertThat(span.name()).isEqualTo("second");
        assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.startTimeUnixNano()).isEqualTo(10);
    }

    @Test
    void repeatedSingularMessagesMerge() throws Exception {
        byte[] request = len(1, len(1, len(1, string(1, "a"), len(2, string(1, "x")))),
                len(1, len(1, string(1, "b"), len(2, varintField(3, 7)))));

        Traces traces = OtlpProto.decodeTraces(request);

        assertThat(traces.resourceSpans().get(0).resource().attributes().asMap())
                .containsExactly(java.util.Map.entry("a", AnyValue.of("x")), java.util.Map.entry("b", AnyValue.of(7)));
    }

    @Test
    void readsRepeatedScalarsPackedUnpackedAndSplit() throws Exception {
        byte[] point = concat(
                fixed64Field(6, 1), len(6, fixed64(2), fixed64(3)), fixed64Field(6, 4), // bucket_counts
                doubleField(7, 0.5), len(7, fixed64(Double.doubleToLongBits(1.5))));   // explicit_bounds
        byte[] exponential = concat(
                len(8, varintField(2, 5), len(2, varint(6), varint(300)), varintField(1, 3))); // positive
        byte[] request = len(1, len(2, len(2, len(9, len(1, point))), len(2, len(10, len(1, exponential)))));

        Metrics metrics = OtlpProto.decodeMetrics(request);

        HistogramDataPoint histogram = metrics.resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(0)
                .histogram().dataPoints().get(0);
        assertThat(histogram.bucketCounts()).containsExactly(1, 2, 3, 4);
        assertThat(histogram.explicitBounds()).containsExactly(0.5, 1.5);
        ExponentialHistogramDataPoint.Buckets positive = metrics.resourceMetrics().get(0).scopeMetrics().get(0)
                .metrics().get(1).exponentialHistogram().dataPoints().get(0).positive();
        assertThat(positive.bucketCounts()).containsExactly(5, 6, 300);
        assertThat(positive.offset()).isEqualTo(-2); // zigzag 3
    }

    @Test
    void migratesTheDeprecatedInstrumentationLibraryField() throws Exception {
        byte[] oldSpans = len(1000, len(1, string(1, "old-lib"), string(2, "1.0")), len(2, string(5, "op")));
        byte[] current = len(2, len(2, string(5, "new")));

        Traces migrated = OtlpProto.decodeTraces(len(1, oldSpans));
        Traces both = OtlpProto.decodeTraces(len(1, oldSpans, current));

        assertThat(migrated.resourceSpans().get(0).scopeSpans().get(0).scope().name()).isEqualTo("old-lib");
        assertThat(migrated.spanCount()).isEqualTo(1);
        assertThat(both.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).name()).isEqualTo("new");
        assertThat(both.spanCount()).isEqualTo(1);
        assertThat(OtlpProto.decodeMetrics(len(1, len(1000, len(2, string(1, "m"))))).metricCount()).isEqualTo(1);
        assertThat(OtlpProto.decodeLogs(len(1, len(1000, len(2, string(3, "WARN"))))).logRecordCount())
                .isEqualTo(1);
    }

    @Test
    void acceptsInvalidUtf8AsUpstreamDoesReplacingIt() throws Exception {
        Span span = onlySpan(spanRequest(len(5, bytes('o', 0xC3, 0x28, 'k'))));

        assertThat(span.name()).isEqualTo("o\uFFFD(k");
    }

    @Test
    void unknownEnumNumbersReadAsUnspecified() throws Exception {
        Span span = onlySpan(spanRequest(varintField(6, 99), len(15, varintField(3, 7))));
        Logs logs = OtlpProto.decodeLogs(len(1, len(2, len(2, varintField(2, 1000)))));

        assertThat(span.kind()).isEqualTo(SpanKind.UNSPECIFIED);
        assertThat(span.status().code().number()).isZero();
        assertThat(logs.resourceLogs().get(0).scopeLogs().get(0).logRecords().get(0).severityNumber())
                .isEqualTo(SeverityNumber.UNSPECIFIED);
    }

    @Test
    void aRepeatedAttributeKeyKeepsItsPlaceAndTheLastValue() throws Exception {
        Span span = onlySpan(spanRequest(
                len(9, string(1, "k"), len(2, string(1, "first"))),
                len(9, string(1, "other"), len(2, varintField(2, 1))),
                len(9, string(1, "k"), len(2, string(1, "last")))));

        assertThat(span.attributes().keys()).containsExactly("k", "other");
        assertThat(span.attributes().getOrNull("k")).isEqualTo(AnyValue.of("last"));
    }

    @Test
    void emptyIdsAndProfileIndexesReadAsEmpty() throws Exception {
        Span span = onlySpan(spanRequest(len(1), len(2), len(4),
                len(9, string(1, "k"), len(2, varintField(8, 3)))));

        assertThat(span.traceId()).isEqualTo(TraceId.EMPTY);
        assertThat(span.spanId()).isEqualTo(SpanId.EMPTY);
        assertThat(span.parentSpanId()).isEqualTo(SpanId.EMPTY);
        assertThat(span.attributes().getOrNull("k")).isEqualTo(AnyValue.empty());
    }

    @Test
    void flagsAndCountsKeepAllThirtyTwoBits() throws Exception {
        Span span = onlySpan(spanRequest(fixed32Field(16, 0xFFFF_FFFF), varintField(10, 0xFFFF_FFFFL)));

        assertThat(Integer.toUnsignedLong(span.flags())).isEqualTo(0xFFFF_FFFFL);
        assertThat(Integer.toUnsignedLong(span.droppedAttributesCount())).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void aStreamThatFailsIsADecodeErrorWithTheCause() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        Throwable thrown = catchThrowable(() -> OtlpProto.decodeTraces(broken));

        assertThat(thrown).isInstanceOf(OtlpDecodeException.class).hasMessageContaining("connection reset")
                .hasCauseInstanceOf(IOException.class);
    }

    // ---- malformed input

    static Stream<Arguments> malformed() {
        byte[] twoHundredLevels = len(5, len(1));
        for (int i = 0; i < 100; i++) {
            twoHundredLevels = len(5, len(1, twoHundredLevels));
        }
        return Stream.of(
                Arguments.of("a trace id of 5 bytes", spanRequest(len(1, bytes(1, 2, 3, 4, 5))),
                        "a trace id has 16 bytes, got 5, at resource_spans[0].scope_spans[0].spans[0].trace_id"),
                Arguments.of("a span id of 9 bytes", spanRequest(len(2, new byte[9])),
                        "a span id has 8 bytes, got 9, at resource_spans[0].scope_spans[0].spans[0].span_id"),
                Arguments.of("a parent span id of 16 bytes", spanRequest(len(4, new byte[16])),
                        "spans[0].parent_span_id"),
                Arguments.of("a name sent as a varint", spanRequest(varintField(5, 1)),
                        "wrong wire type 0 for this field, at resource_spans[0].scope_spans[0].spans[0].name"),
                Arguments.of("a start time sent as fixed32", spanRequest(fixed32Field(7, 1)),
                        "spans[0].start_time_unix_nano"),
                Arguments.of("a message length past the end", concat(tag(1, 2), varint(50), bytes(1, 2)),
                        "truncated"),
                Arguments.of("a string length past its message", spanRequest(concat(tag(5, 2), varint(3))),
                        "truncated"),
                Arguments.of("a negative length", concat(tag(1, 2), varint(-1)), "resource_spans"),
                Arguments.of("a malformed varint", concat(tag(20, 0), bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                        0xFF, 0xFF, 0xFF, 0x01)), "malformed varint"),
                Arguments.of("field number 0", bytes(0x02, 0x00), "invalid tag"),
                Arguments.of("wire type 7", concat(tag(3, 7), bytes(1)), "invalid wire type"),
                Arguments.of("wire type 6", concat(tag(3, 6), bytes(1)), "invalid wire type"),
                Arguments.of("an end-group tag without a group", tag(3, 4), "group"),
                Arguments.of("an unterminated group", concat(tag(3, 3), varintField(1, 1)), "group"),
                Arguments.of("a packed fixed64 of 7 bytes",
                        len(1, len(2, len(2, len(9, len(1, len(6, new byte[7])))))),
                        "not a multiple of 8: 7, at resource_metrics[0].scope_metrics[0].metrics[0].histogram"
                                + ".data_points[0].bucket_counts"),
                Arguments.of("values nested 101 arrays deep", spanRequest(len(9, string(1, "deep"),
                        len(2, twoHundredLevels))), "nested deeper than 100"),
                Arguments.of("a truncated fixed64", spanRequest(concat(tag(7, 1), bytes(1, 2, 3))), "truncated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedInputNamingWhereItIs(String name, byte[] input, String expected) {
        // the metrics case is metrics input; every other one is decoded as traces
        Throwable thrown = catchThrowable(() -> {
            if (expected.contains("metrics[")) {
                OtlpProto.decodeMetrics(input);
            } else {
                OtlpProto.decodeTraces(input);
            }
        });

        assertThat(thrown).isInstanceOf(OtlpDecodeException.class).hasMessageContaining(expected)
                .hasMessageContaining("byte offset");
    }

    static Stream<Arguments> samples() {
        Traces traces = Fixtures.traces();
        traces.resourceSpans().remove(1); // one top-level field: every strict prefix is then invalid
        return Stream.of(
                Arguments.of("traces", OtlpProto.encode(traces)),
                Arguments.of("metrics", OtlpProto.encode(Fixtures.metrics())),
                Arguments.of("logs", OtlpProto.encode(Fixtures.logs())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void truncationAtEveryByteIsADecodeError(String signal, byte[] sample) {
        List<String> wrong = new ArrayList<>();
        for (int length = 1; length < sample.length; length++) {
            int at = length;
            Throwable thrown = catchThrowable(() -> {
                switch (signal) {
                    case "traces" -> OtlpProto.decodeTraces(sample, 0, at);
                    case "metrics" -> OtlpProto.decodeMetrics(sample, 0, at);
                    default -> OtlpProto.decodeLogs(sample, 0, at);
                }
            });
            if (!(thrown instanceof OtlpDecodeException)) {
                wrong.add(at + ": " + thrown);
            }
        }
        assertThat(wrong).as("prefixes not rejected with OtlpDecodeException").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void corruptingAnyByteNeverEscapesAsAnotherException(String signal, byte[] sample) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < sample.length; i++) {
            for (int value : new int[] {0x00, 0x7F, 0x80, 0xFF, sample[i] ^ 0x01, sample[i] ^ 0x40}) {
                byte[] corrupt = sample.clone();
                corrupt[i] = (byte) value;
                Throwable thrown = catchThrowable(() -> {
                    switch (signal) {
                        case "traces" -> OtlpProto.decodeTraces(corrupt);
                        case "metrics" -> OtlpProto.decodeMetrics(corrupt);
                        default -> OtlpProto.decodeLogs(corrupt);
                    }
                });
                if (thrown != null && !(thrown instanceof OtlpDecodeException)) {
                    wrong.add(i + "=" + value + ": " + thrown);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void rejectsOffsetsOutsideTheArray() {
        assertThatThrownBy(() -> OtlpProto.decodeTraces(new byte[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
