package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** zap's sampler semantics, on a clock that only moves when the test moves it. */
class LogSamplerTest {

    private final AtomicLong clock = new AtomicLong(123_456_789L);

    static Stream<Arguments> withinOneTick() {
        return Stream.of(
                Arguments.of("defaults (2, 1) keep everything", 2, 1, "TTTTTTTT"),
                Arguments.of("first 2, then every 3rd", 2, 3, "TTFFTFFT"),
                Arguments.of("first 5, then every 200th", 5, 200, "TTTTTFFF"),
                Arguments.of("thereafter 0 keeps only the first", 2, 0, "TTFFFFFF"),
                Arguments.of("initial 0, every 2nd", 0, 2, "FTFTFTFT"),
                Arguments.of("negative initial is huge: everything", -1, 0, "TTTTTTTT"),
                Arguments.of("negative thereafter is huge: only the first", 1, -1, "TFFFFFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withinOneTick")
    void samplesWithinOneTick(String name, int initial, int thereafter, String expected) {
        LogSampler sampler = new LogSampler(initial, thereafter, clock::get);
        assertThat(run(sampler, "Traces", expected.length())).isEqualTo(expected);
    }

    @Test
    void startsCountingAfreshEachSecond() {
        LogSampler sampler = new LogSampler(2, 0, clock::get);
        assertThat(run(sampler, "Traces", 4)).isEqualTo("TTFF");
        clock.addAndGet(LogSampler.TICK_NANOS - 1);
        assertThat(run(sampler, "Traces", 1)).isEqualTo("F");
        clock.addAndGet(1);
        assertThat(run(sampler, "Traces", 3)).isEqualTo("TTF");
    }

    @Test
    void countsEachMessageOnItsOwn() {
        LogSampler sampler = new LogSampler(1, 0, clock::get);
        assertThat(run(sampler, "Traces", 2)).isEqualTo("TF");
        assertThat(run(sampler, "Metrics", 2)).isEqualTo("TF");
        assertThat(run(sampler, "ResourceSpans #0\nSpan #0\n", 2)).isEqualTo("TF");
    }

    @Test
    void countsConsistentlyAcrossThreads() throws InterruptedException {
        LogSampler sampler = new LogSampler(10, 100, clock::get);
        List<Thread> threads = new ArrayList<>();
        AtomicLong kept = new AtomicLong();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_500; i++) {
                    if (sampler.sample("Logs")) {
                        kept.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // 10 000 entries in one tick: the first 10, then entries 110, 210, … 9 910
        assertThat(kept.get()).isEqualTo(10 + 99);
    }

    private static String run(LogSampler sampler, String message, int times) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < times; i++) {
            out.append(sampler.sample(message) ? 'T' : 'F');
        }
        return out.toString();
    }
}
