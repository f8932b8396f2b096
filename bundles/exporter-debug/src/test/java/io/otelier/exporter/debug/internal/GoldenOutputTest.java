package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The normal and detailed text of {@link GoldenData} must equal, byte for byte, what upstream's debug exporter
 * v0.165.0 printed for the same data (src/test/resources/golden, made by interop/debug-exporter/main.go).
 */
class GoldenOutputTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("normal-traces", (Supplier<String>) () -> NormalTraces.marshal(GoldenData.traces())),
                Arguments.of("normal-metrics", (Supplier<String>) () -> NormalMetrics.marshal(GoldenData.metrics())),
                Arguments.of("normal-logs", (Supplier<String>) () -> NormalLogs.marshal(GoldenData.logs())),
                Arguments.of("detailed-traces", (Supplier<String>) () -> DetailedTraces.marshal(GoldenData.traces())),
                Arguments.of("detailed-metrics",
                        (Supplier<String>) () -> DetailedMetrics.marshal(GoldenData.metrics())),
                Arguments.of("detailed-logs", (Supplier<String>) () -> DetailedLogs.marshal(GoldenData.logs())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsAsUpstream(String golden, Supplier<String> output) throws IOException {
        assertMatchesGolden(golden, output.get());
    }

    /**
     * Values printed through pdata's AnyValue.asString where upstream's pcommon AsString (pdata v1.71) writes
     * JSON without HTML escaping and a lone non-finite double as NaN / Infinity / -Infinity (inside a map or
     * slice one makes the whole JSON an empty string).
     */
    @Test
    void printsAsStringCornerCasesAsUpstream() throws IOException {
        assertMatchesGolden("asstring-normal-logs", NormalLogs.marshal(GoldenData.asStringCorners()));
        assertMatchesGolden("asstring-detailed-logs", DetailedLogs.marshal(GoldenData.asStringCorners()));
    }

    private static void assertMatchesGolden(String golden, String actual) throws IOException {
        String expected = golden(golden);
        if (!actual.equals(expected)) {
            // left for diffing against the golden file: target/golden-actual/<name>.txt
            Path dump = Path.of("target", "golden-actual", golden + ".txt");
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void summariesCountAsUpstream() {
        assertThat(SignalText.TRACES.summary(GoldenData.traces()))
                .isEqualTo("Traces {\"resource spans\": 2, \"spans\": 6}");
        assertThat(SignalText.METRICS.summary(GoldenData.metrics()))
                .isEqualTo("Metrics {\"resource metrics\": 2, \"metrics\": 9, \"data points\": 23}");
        assertThat(SignalText.LOGS.summary(GoldenData.logs()))
                .isEqualTo("Logs {\"resource logs\": 2, \"log records\": 10}");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                GoldenOutputTest.class.getResourceAsStream("/golden/" + name + ".txt"), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
