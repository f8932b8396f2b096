package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0 | 0",
        "-0.0 | -0",
        "1.0 | 1",
        "100.0 | 100",
        "0.1 | 0.1",
        "-1.5 | -1.5",
        "1e20 | 100000000000000000000",
        "1e21 | 1e+21",
        "1e-6 | 0.000001",
        "1e-7 | 1e-07",
        "4.9e-324 | 5e-324",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "123456.789 | 123456.789",
    })
    void formatsAsGoDoes(double value, String expected) {
        assertThat(GoFloat.format(value)).isEqualTo(expected);
    }

    /** go-floats.txt: 3000 doubles (random bits, random decimals, subnormals) as Go's marshaler writes them. */
    @Test
    void agreesWithGoOnThousandsOfDoubles() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                GoFloatTest.class.getResourceAsStream("go-floats.txt"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                if (!GoFloat.format(value).equals(parts[1])) {
                    mismatches.add(parts[0] + ": go " + parts[1] + ", ours " + GoFloat.format(value));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(mismatches).isEmpty();
    }
}
