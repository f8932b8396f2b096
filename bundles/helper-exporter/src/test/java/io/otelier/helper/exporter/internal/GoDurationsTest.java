package io.otelier.helper.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationsTest {

    @ParameterizedTest(name = "{0}ns -> {1}")
    @CsvSource({
        "0, 0s",
        "5, 5ns",
        "1500, 1.5µs",
        "2000000, 2ms",
        "5000000000, 5s",
        "7500000000, 7.5s",
        "4621307396, 4.621307396s",
        "90000000000, 1m30s",
        "3600000000000, 1h0m0s",
        "3723500000000, 1h2m3.5s",
        "-1500000000, -1.5s",
    })
    void formatsAsGo(long nanos, String expected) {
        assertThat(GoDurations.format(nanos)).isEqualTo(expected);
    }
}
