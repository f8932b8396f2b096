package io.otelier.helper.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream otlptranslator's own test tables, run against our port. */
class PrometheusNamesTest {

    /** otlptranslator's MetricNamer/UnitNamer cases (see the resource file's header). */
    static Stream<Arguments> upstreamMetricNameCases() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                PrometheusNamesTest.class.getResourceAsStream("/otlptranslator-metric-names.psv")),
                StandardCharsets.UTF_8))) {
            List<String> lines = in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            assertThat(lines).hasSizeGreaterThan(60);
            return lines.stream().map(l -> l.split("\\|", -1)).map(f -> Arguments.of(f[2], f[0],
                    Boolean.parseBoolean(f[1]), f[3], f[4], f[5], f[6], f[7].equals("error")));
        }
    }

    @ParameterizedTest(name = "{0} [{3}] {4} ns={1} suffixes={2} → {5}")
    @MethodSource("upstreamMetricNameCases")
    void metricNamesAsUpstream(String name, String namespace, boolean withSuffixes, String unit, String type,
            String want, String wantUnit, boolean error) {
        Optional<String> got = PrometheusNames.metricName(name, unit, kind(type), namespace, withSuffixes);
        if (error) {
            assertThat(got).isEmpty();
        } else {
            assertThat(got).contains(want);
        }
        assertThat(PrometheusNames.unitName(unit)).isEqualTo(wantUnit);
    }

    /** otlptranslator label_namer_test.go labelTestCases, "Preserving multiple underscores" (as contrib uses it). */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            label:with:colons                   | label_with_colons
            LabelWithCapitalLetters             | LabelWithCapitalLetters
            label!with&special$chars)           | label_with_special_chars_
            label_with_foreign_characters_字符   | label_with_foreign_characters___
            label.with.dots                     | label_with_dots
            123label                            | key_123label
            _label_starting_with_underscore     | _label_starting_with_underscore
            __label_starting_with_2underscores  | __label_starting_with_2underscores
            label__with__double__underscores    | label__with__double__underscores
            label.name__with&&special##chars    | label_name__with__special__chars
            __reserved__label__name__           | __reserved__label__name__
            trailing_underscores___             | trailing_underscores___
            service.instance.id                 | service_instance_id
            """)
    void labelNamesAsUpstream(String label, String want) {
        assertThat(PrometheusNames.labelName(label)).isEqualTo(want);
    }

    /** otlptranslator TestBuildLabel_Errors, escaping cases. */
    @ParameterizedTest
    @CsvSource(value = {"''", "__", "ようこそ"})
    void labelNamesWithNothingValidLeftAreErrors(String label) {
        assertThatThrownBy(() -> PrometheusNames.labelName(label)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The hands-on's hostmetrics names. */
    @ParameterizedTest(name = "{0} [{1}] {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            system.cpu.time          | s     | MONOTONIC_COUNTER     | system_cpu_time_seconds_total
            system.memory.usage      | By    | NON_MONOTONIC_COUNTER | system_memory_usage_bytes
            system.cpu.utilization   | 1     | GAUGE                 | system_cpu_utilization_ratio
            system.network.packets   | {packets} | MONOTONIC_COUNTER | system_network_packets_total
            system.disk.io           | By    | MONOTONIC_COUNTER     | system_disk_io_bytes_total
            process.count            | {processes} | NON_MONOTONIC_COUNTER | process_count
            """)
    void hostmetricsNames(String name, String unit, MetricKind kind, String want) {
        assertThat(PrometheusNames.metricName(name, unit, kind, "", true)).contains(want);
    }

    /** otlptranslator's MetricType; Unknown and exponential histograms get no name suffix, like histograms. */
    private static MetricKind kind(String type) {
        return switch (type) {
            case "Gauge" -> MetricKind.GAUGE;
            case "MonotonicCounter" -> MetricKind.MONOTONIC_COUNTER;
            case "NonMonotonicCounter" -> MetricKind.NON_MONOTONIC_COUNTER;
            case "Summary" -> MetricKind.SUMMARY;
            case "Histogram", "ExponentialHistogram", "Unknown" -> MetricKind.HISTOGRAM;
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Upstream's UnitWordToUCUM cases (pkg/translator/prometheus), for receivers. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"seconds, s", "bytes, By", "kibibytes, KiBy", "celsius, Cel", "ratio, 1", "percent, %",
            "bytes_per_second, By/s", "requests_per_minute, requests/m", "meters_per_fortnight, m/fortnight",
            "widgets, widgets", "'', ''", "seconds_per_, s"})
    void unitWordsBecomeUcum(String word, String ucum) {
        assertThat(PrometheusNames.unitWordToUcum(word)).isEqualTo(ucum);
    }
}
