package io.otelier.helper.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExponentialBackoffTest {

    private static final double DEFAULT_FACTOR = 0.5;
    private static final double DEFAULT_MULTIPLIER = 1.5;

    static Stream<Arguments> schedules() {
        return Stream.of(
                // retry_on_failure defaults; random 0.5 lands on the interval itself (backoff's +1 adds half a ns)
                Arguments.of("defaults, mid jitter", 5_000, DEFAULT_FACTOR, DEFAULT_MULTIPLIER, 30_000, 0.5,
                        List.of(5_000.0, 7_500.0, 11_250.0, 16_875.0, 25_312.5, 30_000.0, 30_000.0)),
                Arguments.of("defaults, lowest jitter", 5_000, DEFAULT_FACTOR, DEFAULT_MULTIPLIER, 30_000, 0.0,
                        List.of(2_500.0, 3_750.0, 5_625.0, 8_437.5, 12_656.25, 15_000.0, 15_000.0)),
                Arguments.of("no randomization ignores the random value", 5_000, 0.0, DEFAULT_MULTIPLIER, 30_000, 0.99,
                        List.of(5_000.0, 7_500.0, 11_250.0, 16_875.0, 25_312.5, 30_000.0)),
                // the table in backoff's own documentation (0.5s initial, 60s cap)
                Arguments.of("backoff library example", 500, DEFAULT_FACTOR, DEFAULT_MULTIPLIER, 60_000, 0.5,
                        List.of(500.0, 750.0, 1_125.0, 1_687.5, 2_531.25, 3_796.875, 5_695.3125, 8_542.96875,
                                12_814.453125)),
                Arguments.of("multiplier 1 keeps the interval", 1_000, 0.0, 1.0, 30_000, 0.5,
                        List.of(1_000.0, 1_000.0, 1_000.0)),
                Arguments.of("initial above the cap: first wait uncapped, then capped", 10_000, 0.0, 2.0, 4_000, 0.5,
                        List.of(10_000.0, 4_000.0, 4_000.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void followsUpstreamSchedule(String name, long initialMs, double factor, double multiplier, long maxMs,
            double random, List<Double> expectedMs) {
        ExponentialBackoff backoff = new ExponentialBackoff(ms(initialMs), factor, multiplier, ms(maxMs), () -> random);
        List<Long> actual = new ArrayList<>();
        for (int i = 0; i < expectedMs.size(); i++) {
            actual.add(backoff.nextNanos());
        }
        assertThat(actual).containsExactlyElementsOf(expectedMs.stream().map(m -> (long) (m * 1_000_000)).toList());
    }

    @Test
    void highestJitterReachesTheTopOfTheRangePlusOneNanosecond() {
        assertThat(ExponentialBackoff.randomize(0.5, 1.0, 5_000_000_000L)).isEqualTo(7_500_000_001L);
    }

    @Test
    void seededJitterStaysWithinTheRandomizationRange() {
        Random seeded = new Random(42);
        ExponentialBackoff backoff = new ExponentialBackoff(ms(5_000), 0.5, 1.5, ms(30_000), seeded::nextDouble);
        double interval = 5_000_000_000.0;
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long wait = backoff.nextNanos();
            waits.add(wait);
            assertThat(wait).as("wait %d", i).isBetween((long) (interval * 0.5), (long) (interval * 1.5) + 1);
            interval = Math.min(interval * 1.5, 30_000_000_000.0);
        }
        assertThat(waits.stream().distinct().count()).as("jitter varies the waits").isGreaterThan(150);
    }

    @Test
    void sameSeedSameSchedule() {
        Random a = new Random(7);
        Random b = new Random(7);
        ExponentialBackoff first = new ExponentialBackoff(ms(5_000), 0.5, 1.5, ms(30_000), a::nextDouble);
        ExponentialBackoff second = new ExponentialBackoff(ms(5_000), 0.5, 1.5, ms(30_000), b::nextDouble);
        for (int i = 0; i < 10; i++) {
            assertThat(first.nextNanos()).isEqualTo(second.nextNanos());
        }
    }

    @Test
    void hugeIntervalsSaturateInsteadOfOverflowing() {
        assertThat(ExponentialBackoff.randomize(1.0, 1.0, Long.MAX_VALUE / 2 + 1)).isEqualTo(Long.MAX_VALUE);
    }

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
