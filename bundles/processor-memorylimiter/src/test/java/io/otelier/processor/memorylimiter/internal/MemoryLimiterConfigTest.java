package io.otelier.processor.memorylimiter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MemoryLimiterConfigTest {

    private static final Duration S1 = Duration.ofSeconds(1);

    /** A config differing from a valid fixed-limit one by the given changes. */
    private static MemoryLimiterConfig config(Duration check, Duration minSoft, Duration minHard, Duration maxSoft,
            Duration maxHard, long limitMib, long spikeMib, long limitPct, long spikePct) {
        return new MemoryLimiterConfig(check, minSoft, minHard, maxSoft, maxHard, limitMib, spikeMib, limitPct,
                spikePct);
    }

    private static MemoryLimiterConfig mib(long limit, long spike) {
        return config(S1, null, null, null, null, limit, spike, 0, 0);
    }

    private static MemoryLimiterConfig percent(long limit, long spike) {
        return config(S1, null, null, null, null, 0, 0, limit, spike);
    }

    @Test
    void defaultsAreUpstreams() {
        MemoryLimiterConfig d = new MemoryLimiterFactory().createDefaultConfig();
        assertThat(d.checkInterval()).isZero();
        assertThat(d.minGcIntervalWhenSoftLimited()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.minGcIntervalWhenHardLimited()).isZero();
        assertThat(d.maxGcIntervalWhenSoftLimited()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.maxGcIntervalWhenHardLimited()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.limitMib()).isZero();
        assertThat(d.spikeLimitMib()).isZero();
        assertThat(d.limitPercentage()).isZero();
        assertThat(d.spikeLimitPercentage()).isZero();
        // like upstream, the default config alone is not valid: check_interval and a limit are required
        assertThatThrownBy(d::validate).hasMessage("'check_interval' must be greater than zero");
    }

    @Test
    void nullDurationsTakeTheDefaults() {
        MemoryLimiterConfig c = mib(100, 0);
        assertThat(c.minGcIntervalWhenSoftLimited()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.maxGcIntervalWhenHardLimited()).isEqualTo(Duration.ofSeconds(30));
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("fixed limit", mib(4000, 500)),
                Arguments.of("fixed limit, default spike", mib(4000, 0)),
                Arguments.of("percentage", percent(80, 20)),
                Arguments.of("percentage, default spike", percent(80, 0)),
                Arguments.of("backoff disabled", config(S1, null, null, Duration.ZERO, Duration.ZERO, 100, 0, 0, 0)),
                Arguments.of("equal gc minimums", config(S1, S1, S1, null, null, 100, 0, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsValidConfigs(String name, MemoryLimiterConfig config) {
        assertThatCode(config::validate).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalid() {
        Duration s5 = Duration.ofSeconds(5);
        Duration s10 = Duration.ofSeconds(10);
        return Stream.of(
                Arguments.of("zero check interval", config(Duration.ZERO, null, null, null, null, 100, 0, 0, 0),
                        "'check_interval' must be greater than zero"),
                Arguments.of("negative check interval", config(S1.negated(), null, null, null, null, 100, 0, 0, 0),
                        "'check_interval' must be greater than zero"),
                Arguments.of("soft gc interval below hard", config(S1, S1, s5, null, null, 100, 0, 0, 0),
                        "'min_gc_interval_when_soft_limited' should be larger than 'min_gc_interval_when_hard_limited'"),
                Arguments.of("negative max soft", config(S1, null, null, S1.negated(), null, 100, 0, 0, 0),
                        "'max_gc_interval_when_soft_limited' must be non-negative"),
                Arguments.of("negative max hard", config(S1, null, null, null, S1.negated(), 100, 0, 0, 0),
                        "'max_gc_interval_when_hard_limited' must be non-negative"),
                Arguments.of("max soft below min soft", config(S1, s10, null, s5, Duration.ZERO, 100, 0, 0, 0),
                        "'max_gc_interval_when_soft_limited' must be greater than or equal to"
                                + " 'min_gc_interval_when_soft_limited' (or 0 to disable)"),
                Arguments.of("max hard below min hard", config(S1, s10, s5, Duration.ZERO, S1, 100, 0, 0, 0),
                        "'max_gc_interval_when_hard_limited' must be greater than or equal to"
                                + " 'min_gc_interval_when_hard_limited' (or 0 to disable)"),
                Arguments.of("max soft below max hard", config(S1, null, null, s10.plus(s5), Duration.ofSeconds(20),
                        100, 0, 0, 0),
                        "'max_gc_interval_when_soft_limited' should be larger than or equal to"
                                + " 'max_gc_interval_when_hard_limited' (when both are set)"),
                Arguments.of("no limit", mib(0, 0), "'limit_mib' or 'limit_percentage' must be greater than zero"),
                Arguments.of("percentage above 100", percent(101, 0),
                        "'limit_percentage' and 'spike_limit_percentage' must be greater than zero and less than or"
                                + " equal to hundred"),
                Arguments.of("spike percentage above 100", config(S1, null, null, null, null, 100, 0, 0, 101),
                        "'limit_percentage' and 'spike_limit_percentage' must be greater than zero and less than or"
                                + " equal to hundred"),
                Arguments.of("spike equal to limit", mib(10, 10), "'spike_limit_mib' must be smaller than 'limit_mib'"),
                Arguments.of("spike above limit", mib(10, 20), "'spike_limit_mib' must be smaller than 'limit_mib'"),
                Arguments.of("spike percentage above limit", percent(50, 60),
                        "'spike_limit_percentage' must be smaller than 'limit_percentage'"),
                Arguments.of("negative limit", mib(-2000, 0),
                        "limit_mib: cannot parse value as 'uint32': -2000 overflows uint"),
                Arguments.of("negative spike", mib(4000, -2300),
                        "spike_limit_mib: cannot parse value as 'uint32': -2300 overflows uint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidConfigsWithUpstreamsMessage(String name, MemoryLimiterConfig config, String message) {
        assertThatThrownBy(config::validate).isInstanceOf(ConfigException.class).hasMessage(message);
    }
}
