package io.otelier.helper.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {

    @ParameterizedTest
    @CsvSource({"0.5,0.5", "1,1", "2.5,2.5", "1000000,1000000", "1e21,1000000000000000000000", "0.0001,0.0001",
            "1e-7,0.0000001", "-3,-3", "0,0"})
    void plainFloatsFormatLikeGosF(double value, String want) {
        assertThat(GoFloat.plain(value)).isEqualTo(want);
    }

    /** strconv.FormatFloat(v, 'g', -1, 64), as client_golang's text writer calls it. */
    @ParameterizedTest
    @CsvSource({"0.5,0.5", "1,1", "123456,123456", "1000000,1e+06", "1234567,1.234567e+06", "0.0001,0.0001",
            "0.00001,1e-05", "1e-7,1e-07", "-2.5e100,-2.5e+100", "1e21,1e+21", "-0.0,-0", "0.1,0.1"})
    void generalFloatsFormatLikeGosG(double value, String want) {
        assertThat(GoFloat.general(value)).isEqualTo(want);
    }

    @Test
    void specialValues() {
        assertThat(List.of(GoFloat.plain(Double.NaN), GoFloat.plain(Double.POSITIVE_INFINITY),
                GoFloat.general(Double.NEGATIVE_INFINITY))).containsExactly("NaN", "+Inf", "-Inf");
    }

    /** Go's shortest digits for 650 doubles (recorded from Go by interop/go-floats), written without exponent. */
    @Test
    void floatsHaveGosShortestDigits() throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/go-shortest-floats.tsv")), StandardCharsets.UTF_8))) {
            List<String[]> rows = in.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t")).toList();
            assertThat(rows).hasSizeGreaterThan(600);
            for (String[] row : rows) {
                double v = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
                String want = new BigDecimal(row[1]).toPlainString();
                assertThat(GoFloat.plain(v)).as(row[1]).isEqualTo(want.equals("0") && row[1]
                        .startsWith("-") ? "-0" : want);
                // %v of a float64 is %g with shortest digits
                assertThat(GoFloat.general(v)).as(row[1]).isEqualTo(row[1]);
            }
        }
    }
}
