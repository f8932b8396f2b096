package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.Wire.bytes;
import static io.otelier.pdata.otlp.Wire.concat;
import static io.otelier.pdata.otlp.Wire.doubleField;
import static io.otelier.pdata.otlp.Wire.len;
import static io.otelier.pdata.otlp.Wire.string;
import static io.otelier.pdata.otlp.Wire.tag;
import static io.otelier.pdata.otlp.Wire.varintField;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder reads the usual attribute (a short key and a lone string, int, double or bool value) without
 * entering its messages, and leaves every other encoding to the general path. Each case here sits on a boundary
 * of that shortcut, or just past it, and must decode to what the generated classes read from the same bytes.
 */
class PlainAttributeTest {

    static Stream<Arguments> keyValues() {
        return Stream.of(
                one("a string", keyValue("k", string(1, "v"))),
                one("an empty string", keyValue("k", string(1, ""))),
                one("a string filling 127 bytes", keyValue("k", string(1, "x".repeat(120)))),
                one("a string one byte past a one-byte length", keyValue("k", string(1, "x".repeat(121)))),
                one("a string of 200 bytes", keyValue("k", string(1, "y".repeat(200)))),
                one("a non-ASCII string", keyValue("k", string(1, "caf\u00e9 \u65e5\u672c"))),
                one("a key of 120 bytes", keyValue("k".repeat(120), varintField(3, 1))),
                one("a key of 124 bytes", keyValue("k".repeat(124), varintField(3, 1))),
                one("a non-ASCII key", keyValue("cl\u00e9", varintField(3, 1))),
                one("int 0 sent explicitly", keyValue("k", varintField(3, 0))),
                one("int -1 (ten bytes)", keyValue("k", varintField(3, -1))),
                one("int max", keyValue("k", varintField(3, Long.MAX_VALUE))),
                one("int min", keyValue("k", varintField(3, Long.MIN_VALUE))),
                one("int 1 in two bytes", keyValue("k", concat(tag(3, 0), bytes(0x81, 0x00)))),
                one("a double", keyValue("k", doubleField(4, -1.5))),
                one("a NaN", keyValue("k", doubleField(4, Double.NaN))),
                one("bool true", keyValue("k", varintField(2, 1))),
                one("bool false", keyValue("k", varintField(2, 0))),
                one("bool 2", keyValue("k", varintField(2, 2))),
                one("bool true in two bytes", keyValue("k", concat(tag(2, 0), bytes(0x81, 0x00)))),
                one("two members, the last wins", keyValue("k", concat(string(1, "a"), varintField(3, 7)))),
                one("an empty value", keyValue("k", new byte[0])),
                one("bytes", keyValue("k", len(7, bytes(1, 2, 3)))),
                one("an array", keyValue("k", len(5, len(1, string(1, "a"))))),
                one("no value", string(1, "k")),
                one("no key", len(2, string(1, "v"))),
                one("an empty key sent explicitly", concat(string(1, ""), len(2, string(1, "v")))),
                one("the value before the key", concat(len(2, string(1, "v")), string(1, "k"))),
                one("an unknown field after the value", concat(string(1, "k"), len(2, string(1, "v")),
                        varintField(9, 5))),
                one("key_strindex", concat(string(1, "k"), len(2, string(1, "v")), varintField(3, 4))),
                Arguments.of("a repeated key: first place, last value", new byte[][] {keyValue("a", string(1, "1")),
                        keyValue("b", string(1, "2")), keyValue("a", varintField(3, 3))}));
    }

    private static Arguments one(String name, byte[] keyValue) {
        return Arguments.of(name, new byte[][] {keyValue});
    }

    /** The body of a KeyValue message: a key and a value. */
    private static byte[] keyValue(String key, byte[] valueBody) {
        return concat(string(1, key), len(2, valueBody));
    }

    /** Each KeyValue body as a repeated attributes field {@code field}. */
    private static byte[] attributes(int field, byte[]... keyValues) {
        byte[][] fields = new byte[keyValues.length][];
        for (int i = 0; i < keyValues.length; i++) {
            fields[i] = len(field, keyValues[i]);
        }
        return concat(fields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyValues")
    void decodesAsTheGeneratedClassesDo(String name, byte[][] keyValues) throws Exception {
        // the attributes of a resource (field 1) and of a span (field 9)
        byte[] request = len(1, len(1, attributes(1, keyValues)), len(2, len(2, attributes(9, keyValues))));

        Traces ours = OtlpProto.decodeTraces(request);
        Traces theirs = ProtoConverter.fromProto(ExportTraceServiceRequest.parseFrom(request));

        assertThat(ours).isEqualTo(theirs);
        assertThat(ours.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).attributes())
                .isEqualTo(ours.resourceSpans().get(0).resource().attributes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyValues")
    void decodesTheSameInsideAnyStretchOfTheInput(String name, byte[][] keyValues) throws Exception {
        // the same request at an offset in a larger array: the shortcut reads the array in place
        byte[] request = len(1, len(1, attributes(1, keyValues)));
        byte[] padded = concat(bytes(0x7F, 0x7F, 0x7F), request, bytes(0x0A, 0x7F));

        assertThat(OtlpProto.decodeTraces(padded, 3, request.length)).isEqualTo(OtlpProto.decodeTraces(request));
    }

    @Test
    void malformedUtf8InAStringValueBecomesReplacementCharacters() throws Exception {
        byte[] request = len(1, len(1, len(1, string(1, "k"), len(2, concat(tag(1, 2), bytes(3, 'a', 0xFF, 'b'))))));

        Attributes attributes = OtlpProto.decodeTraces(request).resourceSpans().get(0).resource().attributes();

        assertThat(attributes.getOrNull("k")).isEqualTo(AnyValue.of("a\uFFFDb"));
    }
}
