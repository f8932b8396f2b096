package io.otelier.runtime.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected strings are what Go's strconv.FormatFloat prints for the same values. */
class GoFloatTest {

    static Stream<Arguments> gFormat() {
        return Stream.of(
                Arguments.of(0.0, "0"),
                Arguments.of(1.0, "1"),
                Arguments.of(0.5, "0.5"),
                Arguments.of(12.3, "12.3"),
                Arguments.of(-2.5, "-2.5"),
                Arguments.of(123456.0, "123456"),
                Arguments.of(999999.0, "999999"),
                Arguments.of(1e6, "1e+06"),
                Arguments.of(1234567.0, "1.234567e+06"),
                Arguments.of(1e21, "1e+21"),
                Arguments.of(1e100, "1e+100"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(1e-5, "1e-05"),
                Arguments.of(3.14159e-7, "3.14159e-07"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"),
                Arguments.of(9007199254740993.0, "9.007199254740992e+15"),
                Arguments.of(Double.NaN, "NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, "+Inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-Inf"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void gFormat(double value, String expected) {
        assertThat(GoFloat.formatG(value)).isEqualTo(expected);
    }

    @Test
    void wholeNumbersTakeTheShortcutWithTheSameOutput() {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 100_000; i++) {
            double v = random.nextInt(2_000_001) - 1_000_000;
            assertThat(GoFloat.formatG(v)).isEqualTo(GoFloat.formatGDigits(v));
        }
        assertThat(GoFloat.formatG(-0.0)).isEqualTo(GoFloat.formatGDigits(-0.0)).isEqualTo("-0");
        assertThat(GoFloat.formatG(1e6)).isEqualTo("1e+06");
    }

    static Stream<Arguments> fFormat() {
        return Stream.of(
                Arguments.of(0.25, "0.25"),
                Arguments.of(3.0, "3"),
                Arguments.of(-0.0, "-0"),
                Arguments.of(100.0, "100"),
                Arguments.of(1e21, "1000000000000000000000"),
                Arguments.of(1e-7, "0.0000001"),
                Arguments.of(1234567.5, "1234567.5"),
                Arguments.of(Double.NaN, "NaN"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void fFormat(double value, String expected) {
        assertThat(GoFloat.formatF(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "float32 {0} -> {1}")
    @MethodSource("float32")
    void fFormatOfFloat(float value, String expected) {
        assertThat(GoFloat.formatF(value)).isEqualTo(expected);
    }

    static Stream<Arguments> float32() {
        return Stream.of(Arguments.of(0.1f, "0.1"), Arguments.of(2.5f, "2.5"), Arguments.of(16777216f, "16777216"));
    }

    @ParameterizedTest(name = "exposition {0} -> {1}")
    @MethodSource("exposition")
    void expositionValue(double value, String expected) {
        assertThat(PrometheusText.formatValue(value)).isEqualTo(expected);
    }

    static Stream<Arguments> exposition() {
        return Stream.of(Arguments.of(-0.0, "0"), Arguments.of(-1.0, "-1"), Arguments.of(42.0, "42"),
                Arguments.of(2.5e9, "2.5e+09"));
    }
}
