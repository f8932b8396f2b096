package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    static Stream<Arguments> parsed() {
        return Stream.of(
                Arguments.of("0", Duration.ZERO),
                Arguments.of("5ns", Duration.ofNanos(5)),
                Arguments.of("1us", Duration.ofNanos(1_000)),
                Arguments.of("1µs", Duration.ofNanos(1_000)),
                Arguments.of("200ms", Duration.ofMillis(200)),
                Arguments.of("1.5s", Duration.ofMillis(1_500)),
                Arguments.of(".5s", Duration.ofMillis(500)),
                Arguments.of("5.s", Duration.ofSeconds(5)),
                Arguments.of("1m30s", Duration.ofSeconds(90)),
                Arguments.of("1h2m3.5s", Duration.ofMillis(3_723_500)),
                Arguments.of("-2m", Duration.ofMinutes(-2)),
                Arguments.of("+3s", Duration.ofSeconds(3)),
                Arguments.of("1.0000000005s", Duration.ofSeconds(1)), // below a nanosecond is dropped
                Arguments.of("2562047h47m16.854775807s", Duration.ofNanos(Long.MAX_VALUE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsed")
    void parsesGoDurations(String text, Duration expected) {
        assertThat(GoDuration.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> formatted() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofNanos(5), "5ns"),
                Arguments.of(Duration.ofNanos(1_000), "1µs"),
                Arguments.of(Duration.ofNanos(1_500), "1.5µs"),
                Arguments.of(Duration.ofMillis(200), "200ms"),
                Arguments.of(Duration.ofMillis(1_500), "1.5s"),
                Arguments.of(Duration.ofSeconds(90), "1m30s"),
                Arguments.of(Duration.ofMinutes(2), "2m0s"),
                Arguments.of(Duration.ofHours(1), "1h0m0s"),
                Arguments.of(Duration.ofMillis(3_723_500), "1h2m3.5s"),
                Arguments.of(Duration.ofSeconds(-90), "-1m30s"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("formatted")
    void formatsLikeGo(Duration duration, String expected) {
        assertThat(GoDuration.format(duration)).isEqualTo(expected);
        assertThat(GoDuration.parse(expected)).isEqualTo(duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "s", ".s", "1..5s", "abc"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid duration \"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "1h5"})
    void reportsMissingUnit(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .hasMessage("missing unit in duration \"" + text + "\" (valid units: ns, us, ms, s, m, h)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 seconds", "3d", "10sec", "1h-2m"})
    void reportsUnknownUnit(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).hasMessageStartingWith("unknown unit \"")
                .hasMessageContaining("in duration \"" + text + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2562048h", "9223372036854775808ns"})
    void rejectsDurationsBeyondGoRange(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).hasMessage("invalid duration \"" + text + "\": out of range");
    }
}
