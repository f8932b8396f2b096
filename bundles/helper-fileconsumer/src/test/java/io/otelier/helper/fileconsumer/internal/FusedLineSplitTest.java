package io.otelier.helper.fileconsumer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.otelier.helper.fileconsumer.MultilineConfig;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused default split against the chain of stages it stands for, on random input. */
class FusedLineSplitTest {

    private static final byte[] ALPHABET = {'a', 'b', ' ', '\t', '\r', '\n', '\n', 'x', ' ', '\r', 'c', 'd', 'e', 'f',
        'g', 'h', 'i', 'j', (byte) 0xC3, (byte) 0xA9};

    static IntStream seeds() {
        return IntStream.range(0, 400);
    }

    /** One configuration drawn from the seed, built both ways over separate but equal flush states. */
    private record Pair(SplitFunc chain, SplitFunc fused, SplitWrappers.FlushState chainState,
            SplitWrappers.FlushState fusedState) {

        static Pair of(Random random, long[] clock) {
            int max = 1 + random.nextInt(24);
            boolean preserveLeading = random.nextInt(4) == 0;
            boolean preserveTrailing = random.nextInt(4) == 0;
            Duration period = random.nextBoolean() ? Duration.ZERO : Duration.ofMillis(1 + random.nextInt(50));
            SplitWrappers.FlushState chainState = new SplitWrappers.FlushState(clock[0]);
            SplitWrappers.FlushState fusedState = new SplitWrappers.FlushState(clock[0]);
            SplitFunc chain = SplitWrappers.trim(SplitWrappers.toLength(SplitWrappers.flush(
                    Splits.of(MultilineConfig.defaults(), Encodings.lookup("utf-8"), false, max), chainState, period,
                    () -> clock[0]), max), preserveLeading, preserveTrailing);
            SplitFunc fused = new FusedLineSplit(max, preserveLeading, preserveTrailing, fusedState, period,
                    () -> clock[0]);
            return new Pair(chain, fused, chainState, fusedState);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyCallGivesWhatTheChainGives(int seed) {
        Random random = new Random(seed);
        long[] clock = {1_000};
        Pair pair = Pair.of(random, clock);
        for (int call = 0; call < 200; call++) {
            byte[] data = randomBytes(random, random.nextInt(40));
            int off = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            int len = data.length - off;
            boolean atEOF = len == 0 || random.nextInt(5) == 0; // the scanner calls with no data only at the end
            clock[0] += random.nextInt(30);
            SplitFunc.Split expected = new SplitFunc.Split();
            SplitFunc.Split actual = new SplitFunc.Split();

            pair.chain().split(data, off, len, atEOF, expected);
            pair.fused().split(data, off, len, atEOF, actual);

            assertThat(describe(actual)).as("call %d", call).isEqualTo(describe(expected));
            if (actual.isAscii()) {
                for (int i = off + actual.tokenStart(); i < off + actual.tokenStart() + actual.tokenLength(); i++) {
                    assertThat(data[i]).as("call %d: a token said to be ASCII", call).isNotNegative();
                }
            } else if (actual.hasToken() && allAscii(data, off, len)) {
                fail("call %d: an ASCII token not marked so", call);
            }
            assertThat(pair.fusedState().lastDataLength).isEqualTo(pair.chainState().lastDataLength);
            if (pair.chainState().lastDataLength > 0) { // the time is compared only in this state
                assertThat(pair.fusedState().lastDataChangeMillis).isEqualTo(pair.chainState().lastDataChangeMillis);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aScannerReadsTheSameTokensAtTheSamePositions(int seed) throws Exception {
        Random random = new Random(seed);
        long[] clock = {1_000};
        Pair pair = Pair.of(random, clock);
        byte[] content = randomBytes(random, random.nextInt(400));
        int bufferSize = 1 + random.nextInt(32);
        long chunkSeed = random.nextLong();
        // two passes, as two polls: the flush state carries over between them
        int firstPass = random.nextInt(content.length + 1);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        long[] clockAtStart = {clock[0]};
        long expectedPosition = scanAll(pair.chain(), content, firstPass, bufferSize, chunkSeed, clock, expected, 0);
        clock[0] = clockAtStart[0];
        long actualPosition = scanAll(pair.fused(), content, firstPass, bufferSize, chunkSeed, clock, actual, 0);
        assertThat(actual).isEqualTo(expected);
        assertThat(actualPosition).isEqualTo(expectedPosition);

        clockAtStart[0] = clock[0];
        expectedPosition = scanAll(pair.chain(), content, content.length, bufferSize, chunkSeed, clock, expected,
                expectedPosition);
        clock[0] = clockAtStart[0];
        actualPosition = scanAll(pair.fused(), content, content.length, bufferSize, chunkSeed, clock, actual,
                actualPosition);
        assertThat(actual).isEqualTo(expected);
        assertThat(actualPosition).isEqualTo(expectedPosition);
    }

    private static boolean allAscii(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Scans content[from, to) in reads of random sizes, the clock moving between tokens; returns the position. */
    private static long scanAll(SplitFunc split, byte[] content, int to, int bufferSize, long chunkSeed, long[] clock,
            List<String> tokens, long from) throws Exception {
        Random chunks = new Random(chunkSeed + from);
        InputStream in = new InputStream() {
            int at = (int) from;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= to) {
                    return -1;
                }
                int n = Math.min(Math.min(len, to - at), 1 + chunks.nextInt(7));
                System.arraycopy(content, at, b, off, n);
                at += n;
                clock[0] += chunks.nextInt(20);
                return n;
            }
        };
        Scanner scanner = new Scanner(in, bufferSize, 1 << 20, from, split);
        while (scanner.scan()) {
            tokens.add(scanner.position() + ":" + new String(scanner.buffer(), scanner.tokenOffset(),
                    scanner.tokenLength(), java.nio.charset.StandardCharsets.ISO_8859_1));
            clock[0] += chunks.nextInt(20);
        }
        tokens.add("end " + scanner.position() + " " + scanner.error());
        return scanner.position();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return out;
    }

    private static String describe(SplitFunc.Split split) {
        return split.hasToken()
                ? "token advance " + split.advance() + " at " + split.tokenStart() + " length " + split.tokenLength()
                : split.wantsMore() ? "more" : "skip " + split.advance();
    }
}
