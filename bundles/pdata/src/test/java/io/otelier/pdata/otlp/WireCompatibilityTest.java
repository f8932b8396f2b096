package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.otelier.pdata.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized wire compatibility against the generated classes of opentelemetry-proto (protobuf) and protobuf's
 * JsonFormat (OTLP/JSON, with ids translated between hex and base64, the one documented difference): a few hundred
 * seeded random trees per signal, each checked in both directions.
 */
class WireCompatibilityTest {

    private static final int TREES_PER_SIGNAL = 250;
    private static final Pattern ID_FIELD = Pattern.compile(
            "(\"(?:traceId|spanId|parentSpanId|trace_id|span_id|parent_span_id)\"\\s*:\\s*\")([^\"]*)\"");

    static Stream<Arguments> trees() {
        return SignalCodec.ALL.stream().flatMap(codec -> LongStream.range(0, TREES_PER_SIGNAL)
                .mapToObj(seed -> Arguments.of(codec, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void ourProtobufIsWhatTheGeneratedClassesWrite(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkProtoEncode(codec, seed);
    }

    private static <T extends Telemetry, M extends Message> void checkProtoEncode(SignalCodec<T, M> codec, long seed)
            throws Exception {
        T tree = codec.random().apply(new RandomTrees(seed));
        byte[] ours = codec.encodeProto().apply(tree);
        M expected = codec.toProto().apply(tree);

        assertThat(ours).as("bytes of seed %d", seed).isEqualTo(expected.toByteArray());
        assertThat(codec.parseFrom().parse(ours)).isEqualTo(expected);
        assertThat(codec.fromProto().apply(expected)).as("the oracle's converter").isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void weDecodeWhatTheGeneratedClassesWrite(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkProtoDecode(codec, seed);
    }

    private static <T extends Telemetry, M extends Message> void checkProtoDecode(SignalCodec<T, M> codec, long seed)
            throws Exception {
        T tree = codec.random().apply(new RandomTrees(seed));
        byte[] theirs = codec.toProto().apply(tree).toByteArray();

        assertThat(codec.decodeProto().decode(theirs)).as("seed %d", seed).isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void protobufsJsonParserReadsOurJson(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkJsonEncode(codec, seed);
    }

    private static <T extends Telemetry, M extends Message> void checkJsonEncode(SignalCodec<T, M> codec, long seed)
            throws Exception {
        T tree = codec.random().apply(new RandomTrees(seed, false));
        byte[] ours = codec.encodeJson().apply(tree);
        Message.Builder builder = codec.newBuilder().get();
        JsonFormat.parser().merge(translateIds(new String(ours, StandardCharsets.UTF_8), true), builder);

        assertThat(codec.fromProto().apply(codec.fromMessage(builder.build()))).as("seed %d", seed).isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void weReadTheJsonOfProtobufsPrinter(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkJsonDecode(codec, seed);
    }

    private static <T extends Telemetry, M extends Message> void checkJsonDecode(SignalCodec<T, M> codec, long seed)
            throws Exception {
        T tree = codec.random().apply(new RandomTrees(seed));
        // protobuf's printer writes enums as names unless told otherwise: read it both ways
        JsonFormat.Printer printer = seed % 2 == 0 ? JsonFormat.printer() : JsonFormat.printer().printingEnumsAsInts();
        // and with the original proto field names every other time
        printer = seed % 4 < 2 ? printer : printer.preservingProtoFieldNames();
        String theirs = translateIds(printer.print(codec.toProto().apply(tree)), false);

        assertThat(codec.decodeJson().decode(theirs.getBytes(StandardCharsets.UTF_8))).as("seed %d", seed)
                .isEqualTo(tree);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void roundTripsThroughEveryEntryPoint(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkRoundTrips(codec, seed);
    }

    private static <T extends Telemetry, M extends Message> void checkRoundTrips(SignalCodec<T, M> codec, long seed)
            throws Exception {
        T tree = codec.random().apply(new RandomTrees(seed));
        byte[] bytes = codec.encodeProto().apply(tree);
        assertThat(codec.decodeJson().decode(codec.encodeJson().apply(tree))).isEqualTo(tree);

        // decoding from a slice and from a stream, encoding to a stream, measuring
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        if (tree instanceof io.otelier.pdata.Traces traces) {
            assertThat(OtlpProto.decodeTraces(padded, 3, bytes.length)).isEqualTo(tree);
            assertThat(OtlpProto.decodeTraces(new ByteArrayInputStream(bytes))).isEqualTo(tree);
            assertThat(OtlpProto.encodedSize(traces)).isEqualTo(bytes.length);
            OtlpProto.writeTo(traces, stream);
        } else if (tree instanceof io.otelier.pdata.Metrics metrics) {
            assertThat(OtlpProto.decodeMetrics(padded, 3, bytes.length)).isEqualTo(tree);
            assertThat(OtlpProto.decodeMetrics(new ByteArrayInputStream(bytes))).isEqualTo(tree);
            assertThat(OtlpProto.encodedSize(metrics)).isEqualTo(bytes.length);
            OtlpProto.writeTo(metrics, stream);
        } else if (tree instanceof io.otelier.pdata.Logs logs) {
            assertThat(OtlpProto.decodeLogs(padded, 3, bytes.length)).isEqualTo(tree);
            assertThat(OtlpProto.decodeLogs(new ByteArrayInputStream(bytes))).isEqualTo(tree);
            assertThat(OtlpProto.encodedSize(logs)).isEqualTo(bytes.length);
            OtlpProto.writeTo(logs, stream);
        }
        assertThat(stream.toByteArray()).isEqualTo(bytes);
    }

    /**
     * Ids are hex in OTLP/JSON and base64 in protobuf's JSON mapping of bytes fields. A textual rewrite, so that
     * numbers keep their exact spelling ("-0" is -0.0); inside JSON strings quotes are escaped, so the pattern
     * only matches real keys.
     */
    static String translateIds(String json, boolean hexToBase64) {
        return ID_FIELD.matcher(json).replaceAll(match -> {
            String value = match.group(2);
            String translated = hexToBase64
                    ? Base64.getEncoder().encodeToString(HexFormat.of().parseHex(value))
                    : HexFormat.of().formatHex(Base64.getDecoder().decode(value));
            return Matcher.quoteReplacement(match.group(1) + translated + "\"");
        });
    }
}
