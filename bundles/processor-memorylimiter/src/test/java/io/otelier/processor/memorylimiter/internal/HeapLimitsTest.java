package io.otelier.processor.memorylimiter.internal;

import static io.otelier.processor.memorylimiter.internal.HeapLimits.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeapLimitsTest {

    private static MemoryLimiterConfig config(long limitMib, long spikeMib, long limitPct, long spikePct) {
        return new MemoryLimiterConfig(Duration.ofSeconds(1), null, null, null, null, limitMib, spikeMib, limitPct,
                spikePct);
    }

    @Test
    void fixedLimitsAreMib() {
        HeapLimits limits = HeapLimits.of(config(4000, 500, 0, 0), () -> -1);
        assertThat(limits.hard()).isEqualTo(4000 * MIB);
        assertThat(limits.spike()).isEqualTo(500 * MIB);
        assertThat(limits.soft()).isEqualTo(3500 * MIB);
    }

    @Test
    void unsetSpikeIsOneFifthOfTheLimit() {
        assertThat(HeapLimits.of(config(1000, 0, 0, 0), () -> -1).soft()).isEqualTo(800 * MIB);
        assertThat(HeapLimits.of(config(0, 0, 50, 0), () -> 1000 * MIB).soft()).isEqualTo(400 * MIB);
    }

    @Test
    void percentagesAreOfTheMaxHeapAndTheFixedLimitWins() {
        HeapLimits limits = HeapLimits.of(config(0, 0, 80, 25), () -> 2000 * MIB);
        assertThat(limits.hard()).isEqualTo(1600 * MIB);
        assertThat(limits.soft()).isEqualTo(1100 * MIB);
        assertThat(HeapLimits.of(config(300, 0, 80, 25), () -> 2000 * MIB).hard()).isEqualTo(300 * MIB);
    }

    @Test
    void thresholdsAreInclusive() {
        HeapLimits limits = new HeapLimits(100, 20);
        assertThat(limits.aboveSoft(79)).isFalse();
        assertThat(limits.aboveSoft(80)).isTrue();
        assertThat(limits.aboveHard(99)).isFalse();
        assertThat(limits.aboveHard(100)).isTrue();
    }

    @Test
    void percentageWithoutMaxHeapFailsLikeUpstream() {
        assertThatThrownBy(() -> HeapLimits.of(config(0, 0, 80, 0), () -> Long.MAX_VALUE))
                .hasMessageStartingWith("failed to get total memory, use fixed memory settings (limit_mib)");
    }
}
