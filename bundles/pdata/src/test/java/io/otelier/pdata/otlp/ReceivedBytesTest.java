package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.Wire.concat;
import static io.otelier.pdata.otlp.Wire.fixed64Field;
import static io.otelier.pdata.otlp.Wire.len;
import static io.otelier.pdata.otlp.Wire.string;
import static io.otelier.pdata.otlp.Wire.varintField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.internal.KeepPolicy;
import io.otelier.pdata.internal.Received;
import io.otelier.pdata.internal.RootAccess;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Received protobuf bytes kept undecoded until read (ARCHITECTURE decision 3): the kept root counts, copies, joins
 * and re-encodes without decoding, decodes to exactly the eager tree when read, and bytes the decoder would
 * normalise or refuse are never kept.
 */
class ReceivedBytesTest {

    private static final int TREES_PER_SIGNAL = 60;

    static Stream<Arguments> trees() {
        return SignalCodec.ALL.stream().flatMap(codec -> LongStream.range(0, TREES_PER_SIGNAL)
                .mapToObj(seed -> Arguments.of(codec, seed)));
    }

    @BeforeEach
    void keepWhateverRanBefore() {
        KeepPolicy.resetAll();
    }

    private static Received received(Telemetry root) {
        return RootAccess.get().received(root);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void aWellFormedRequestIsKeptCountedAndReSentAsReceived(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkKept(codec, seed);
    }

    private static <T extends Telemetry> void checkKept(SignalCodec<T, ?> codec, long seed) throws Exception {
        T tree = codec.random().apply(new RandomTrees(seed));
        byte[] bytes = codec.toProto().apply(tree).toByteArray();

        T kept = codec.decodeProto().decode(bytes);

        assertThat(received(kept)).as("kept undecoded").isNotNull();
        assertThat(kept.itemCount()).isEqualTo(tree.itemCount());
        assertThat(kept.isEmpty()).isEqualTo(tree.isEmpty());
        if (kept instanceof Metrics metrics) {
            assertThat(metrics.metricCount()).isEqualTo(((Metrics) tree).metricCount());
        }
        assertThat(codec.encodeProto().apply(kept)).as("re-sent as received").isEqualTo(bytes);
        assertThat(received(kept)).as("encoding does not decode").isNotNull();

        assertThat(kept).as("read: decoded to the eager tree").isEqualTo(tree);
        assertThat(received(kept)).isNull();
        assertThat(codec.encodeProto().apply(kept)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void keptBatchesJoinWithoutDecoding(SignalCodec<?, ?> codec, long seed) throws Exception {
        checkJoin(codec, seed);
    }

    private static <T extends Telemetry> void checkJoin(SignalCodec<T, ?> codec, long seed) throws Exception {
        T first = codec.random().apply(new RandomTrees(seed));
        T second = codec.random().apply(new RandomTrees(seed + 1000));
        T third = codec.random().apply(new RandomTrees(seed + 2000));
        byte[] firstBytes = codec.toProto().apply(first).toByteArray();
        byte[] secondBytes = codec.toProto().apply(second).toByteArray();
        byte[] thirdBytes = codec.toProto().apply(third).toByteArray();

        T batch = newRoot(first);
        moveAll(codec.decodeProto().decode(firstBytes), batch);
        T copyOfFirst = deepCopy(batch);
        T arriving = codec.decodeProto().decode(secondBytes);
        moveAll(arriving, batch);
        moveAll(codec.decodeProto().decode(thirdBytes), copyOfFirst); // appends to a log the batch shares

        assertThat(received(batch)).isNotNull();
        assertThat(arriving.isEmpty()).isTrue();
        assertThat(arriving.itemCount()).isZero();
        assertThat(codec.encodeProto().apply(arriving)).isEmpty();
        assertThat(batch.itemCount()).isEqualTo(first.itemCount() + second.itemCount());
        assertThat(codec.encodeProto().apply(batch)).isEqualTo(concat(firstBytes, secondBytes));
        assertThat(codec.encodeProto().apply(copyOfFirst)).isEqualTo(concat(firstBytes, thirdBytes));

        T expected = deepCopy(first);
        moveAll(deepCopy(second), expected);
        assertThat(batch).isEqualTo(expected);
        assertThat(received(batch)).isNull();

        // a decoded root joins by moving its tree, and the result is the same data
        T mixed = deepCopy(first);
        moveAll(codec.decodeProto().decode(secondBytes), mixed);
        assertThat(mixed).isEqualTo(expected);
    }

    @Test
    void aCopySharesTheBytesAndChangesOnlyItself() throws Exception {
        Traces tree = new RandomTrees(7).traces();
        byte[] bytes = ProtoConverter.toProto(tree).toByteArray();
        Traces kept = OtlpProto.decodeTraces(bytes);

        Traces copy = kept.deepCopy();
        assertThat(received(copy)).isSameAs(received(kept));
        copy.resourceSpans().clear();

        assertThat(copy.isEmpty()).isTrue();
        assertThat(OtlpProto.encode(kept)).isEqualTo(bytes);
        assertThat(kept).isEqualTo(tree);
    }

    @Test
    void aReadOnlyRootDecodesOnFirstReadAndStaysReadOnly() throws Exception {
        Traces tree = new RandomTrees(11).traces();
        Traces kept = OtlpProto.decodeTraces(ProtoConverter.toProto(tree).toByteArray());
        kept.markReadOnly();

        assertThat(kept.resourceSpans().size()).isEqualTo(tree.resourceSpans().size());
        assertThat(kept).isEqualTo(tree);
        assertThatThrownBy(() -> kept.resourceSpans().addNew()).isInstanceOf(IllegalStateException.class);
        Traces other = new Traces();
        assertThatThrownBy(() -> kept.moveAllTo(other)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readersOnSeveralThreadsSeeOneDecodedTree() throws Exception {
        Traces tree = new RandomTrees(3).traces();
        byte[] bytes = ProtoConverter.toProto(tree).toByteArray();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 50; round++) {
                Traces shared = OtlpProto.decodeTraces(bytes);
                shared.markReadOnly();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> reads = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    reads.add(pool.submit(() -> {
                        start.await();
                        return shared.resourceSpans().size() > 0 ? shared.resourceSpans().get(0) : "none";
                    }));
                }
                start.countDown();
                Object firstSeen = reads.get(0).get();
                for (Future<Object> read : reads) {
                    assertThat(read.get()).isSameAs(firstSeen);
                }
                assertThat(shared).isEqualTo(tree);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- what is never kept: the decoder would refuse it, or read it differently from plain protobuf

    private static byte[] spanRequest(byte[]... spanFields) {
        return len(1, len(2, len(2, spanFields)));
    }

    /** A span attribute (Span field 9). */
    private static byte[] attribute(String key, String value) {
        return len(9, string(1, key), len(2, string(1, value)));
    }

    private static final byte[] OK_SPAN = spanRequest(string(5, "a"));

    static Stream<Arguments> normalisedOrRefused() {
        byte[] traceId = new byte[16];
        traceId[15] = 1;
        byte[] zeroTraceId = new byte[16];
        return Stream.of(
                Arguments.of("unknown field in a span", spanRequest(string(5, "a"), varintField(99, 1))),
                Arguments.of("unknown top-level field", concat(spanRequest(string(5, "a")), varintField(2, 1))),
                Arguments.of("instrumentation_library_spans (field 1000)",
                        len(1, len(1000, len(2, string(5, "old"))))),
                Arguments.of("malformed UTF-8 in a name", spanRequest(len(5, new byte[] {'a', (byte) 0xC3}))),
                Arguments.of("UTF-8 surrogate", spanRequest(len(5, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))),
                Arguments.of("overlong UTF-8", spanRequest(len(5, new byte[] {(byte) 0xC0, (byte) 0xAF}))),
                Arguments.of("unknown span kind", spanRequest(varintField(6, 9))),
                Arguments.of("negative span kind", spanRequest(varintField(6, -1))),
                Arguments.of("all-zero trace id", spanRequest(len(1, zeroTraceId))),
                Arguments.of("short trace id", spanRequest(len(1, new byte[] {1, 2, 3}))),
                Arguments.of("short span id", spanRequest(len(1, traceId), len(2, new byte[] {1}))),
                Arguments.of("repeated attribute key", spanRequest(len(9, string(1, "k"), len(2, string(1, "a"))),
                        len(9, string(1, "k"), len(2, string(1, "b"))))),
                Arguments.of("two absent attribute keys", spanRequest(len(9, len(2, string(1, "a"))),
                        len(9, len(2, string(1, "b"))))),
                Arguments.of("status twice", spanRequest(len(15, varintField(3, 1)), len(15, string(2, "m")))),
                Arguments.of("wrong wire type", spanRequest(fixed64Field(5, 1))),
                Arguments.of("truncated", java.util.Arrays.copyOf(spanRequest(string(5, "abcdef")), 8)),
                Arguments.of("attribute value twice", spanRequest(len(9, string(1, "k"), len(2, string(1, "a")),
                        len(2, string(1, "b"))))),
                Arguments.of("string_value_strindex", spanRequest(len(9, string(1, "k"), len(2, varintField(8, 1))))),
                Arguments.of("nesting deeper than the check goes", spanRequest(len(9, string(1, "k"),
                        len(2, nestedArrays(WireCheck.MAX_DEPTH / 2 + 4))))));
    }

    /** An AnyValue holding arrays {@code depth} deep: two messages per level. */
    private static byte[] nestedArrays(int depth) {
        byte[] value = string(1, "leaf");
        for (int i = 0; i < depth; i++) {
            value = len(5, len(1, value)); // AnyValue.array_value -> ArrayValue.values -> AnyValue
        }
        return value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalisedOrRefused")
    void bytesTheDecoderNormalisesOrRefusesAreNotKept(String what, byte[] bytes) {
        assertThat(WireCheck.check(WireCheck.TRACES_REQUEST, bytes, 0, bytes.length)).as(what).isNull();
        assertThat(WireCheck.check(WireCheck.TRACES_REQUEST, OK_SPAN, 0, OK_SPAN.length)).isNotNull();
        try {
            Traces decoded = OtlpProto.decodeTraces(bytes);
            assertThat(received(decoded)).isNull();
        } catch (OtlpDecodeException refused) {
            assertThat(refused.getMessage()).contains("invalid OTLP ExportTraceServiceRequest");
        }
    }

    @Test
    void theSameShapesWellFormedAreKept() throws Exception {
        byte[] traceId = new byte[16];
        traceId[15] = 1;
        byte[] ok = spanRequest(len(1, traceId), string(5, "naïve ✓ 𝄞"), varintField(6, 5),
                attribute("a", "1"), attribute("b", "2"), len(15, varintField(3, 2)),
                len(9, string(1, "deep"), len(2, nestedArrays(WireCheck.MAX_DEPTH / 2 - 8))));
        Traces kept = OtlpProto.decodeTraces(ok);
        assertThat(received(kept)).isNotNull();
        assertThat(kept.spanCount()).isEqualTo(1);
        assertThat(kept.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).name()).isEqualTo("naïve ✓ 𝄞");
    }

    @Test
    void metricsWithTwoDataMembersAreNotKept() {
        byte[] gaugePoint = len(1, fixed64Field(4, 1));
        byte[] request = len(1, len(2, len(2, string(1, "m"), len(5, gaugePoint), len(7, gaugePoint))));
        assertThat(WireCheck.check(WireCheck.METRICS_REQUEST, request, 0, request.length)).isNull();

        byte[] single = len(1, len(2, len(2, string(1, "m"), len(7, gaugePoint, gaugePoint))));
        WireCheck counts = WireCheck.check(WireCheck.METRICS_REQUEST, single, 0, single.length);
        assertThat(counts).isNotNull();
        assertThat(counts.items).isEqualTo(2);
        assertThat(counts.containers).isEqualTo(1);
        assertThat(counts.resources).isEqualTo(1);
    }

    // ---- damaged bytes: whatever the check passes must decode

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void damagedBytesThatPassTheCheckDecodeWithTheCountedItems(SignalCodec<?, ?> codec, long seed) {
        checkDamaged(codec, seed);
    }

    private static <T extends Telemetry> void checkDamaged(SignalCodec<T, ?> codec, long seed) {
        byte[] bytes = codec.toProto().apply(codec.random().apply(new RandomTrees(seed))).toByteArray();
        if (bytes.length == 0) {
            return;
        }
        Random random = new Random(seed);
        for (int attempt = 0; attempt < 40; attempt++) {
            byte[] damaged = damage(bytes, random);
            KeepPolicy.resetAll(); // the reads below would soon make the decoder stop keeping
            T decoded;
            try {
                decoded = codec.decodeProto().decode(damaged);
            } catch (OtlpDecodeException refused) {
                continue; // refused eagerly, with the decoder's message: never kept
            }
            if (received(decoded) == null) {
                continue;
            }
            int counted = decoded.itemCount();
            boolean empty = decoded.isEmpty();
            T copy = deepCopy(decoded);
            assertThat(copy.equals(decoded)).as("decodes").isTrue(); // reads both: throws if the check was wrong
            assertThat(decoded.itemCount()).as("items counted by the check").isEqualTo(counted);
            assertThat(decoded.isEmpty()).isEqualTo(empty);
        }
    }

    private static byte[] damage(byte[] bytes, Random random) {
        byte[] damaged = bytes.clone();
        switch (random.nextInt(3)) {
            case 0 -> damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            case 1 -> damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            default -> damaged = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length));
        }
        return damaged;
    }

    // ---- helpers over the three roots

    @SuppressWarnings("unchecked")
    private static <T extends Telemetry> T newRoot(T like) {
        return (T) (like instanceof Traces ? new Traces() : like instanceof Metrics ? new Metrics() : new Logs());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Telemetry> T deepCopy(T root) {
        return (T) root.deepCopy();
    }

    private static <T extends Telemetry> void moveAll(T from, T to) {
        if (from instanceof Traces traces) {
            traces.moveAllTo((Traces) to);
        } else if (from instanceof Metrics metrics) {
            metrics.moveAllTo((Metrics) to);
        } else {
            ((Logs) from).moveAllTo((Logs) to);
        }
    }

    @Test
    void whileKeptDataIsMostlyReadTheDecoderDecodesAtOnceAndProbes() throws Exception {
        byte[] bytes = ProtoConverter.toProto(new RandomTrees(9).traces()).toByteArray();
        for (int i = 0; i < 40; i++) {
            OtlpProto.decodeTraces(bytes).resourceSpans(); // every kept batch is read
        }
        int kept = 0;
        for (int i = 0; i < 160; i++) {
            Traces decoded = OtlpProto.decodeTraces(bytes);
            kept += received(decoded) != null ? 1 : 0;
            decoded.resourceSpans();
        }
        assertThat(kept).as("only probes").isBetween(5, 15);

        for (int i = 0; i < 400 && received(OtlpProto.decodeTraces(bytes)) == null; i++) {
            // until a probe is kept
        }
        for (int i = 0; i < 200; i++) {
            OtlpProto.encode(OtlpProto.decodeTraces(bytes)); // batches now leave unread
        }
        assertThat(received(OtlpProto.decodeTraces(bytes))).as("keeping again").isNotNull();
        assertThat(OtlpProto.decodeLogs(ProtoConverter.toProto(new RandomTrees(9).logs()).toByteArray()))
                .as("per signal").matches(logs -> received(logs) != null);
    }

    @Test
    void writeToWritesTheKeptBytes() throws Exception {
        byte[] bytes = ProtoConverter.toProto(new RandomTrees(5).logs()).toByteArray();
        Logs kept = OtlpProto.decodeLogs(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OtlpProto.writeTo(kept, out);
        assertThat(out.toByteArray()).isEqualTo(bytes);
        assertThat(OtlpProto.encodedSize(kept)).isEqualTo(bytes.length);
        assertThat(received(kept)).isNotNull();
    }
}
