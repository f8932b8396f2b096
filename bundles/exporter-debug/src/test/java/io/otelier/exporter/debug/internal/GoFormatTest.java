package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checks the Go printing against go-format.tsv, which Go 1.26 on amd64 (with FMA) printed for a fixed list of
 * awkward doubles, 600 random ones, a few timestamps and math.Exp of bucket boundaries and random arguments
 * (rows "bits %v %f", "T nanos time.String()" and "E x-bits exp-bits"; made by interop/go-floats).
 * Each table is one test that lists every row that differs.
 */
class GoFormatTest {

    private static List<String[]> rows(String kind) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(GoFormatTest.class.getResourceAsStream("/go-format.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] row = line.split("\t");
                boolean isDouble = row[0].length() == 16;
                if (kind.isEmpty() ? isDouble : row[0].equals(kind)) {
                    rows.add(row);
                }
            }
        }
        assertThat(rows).as("rows of kind '%s'", kind).hasSizeGreaterThan(7);
        return rows;
    }

    private static double bits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    @Test
    void printsDoublesAsGo() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : rows("")) {
            double value = bits(row[0]);
            softly.assertThat(GoFormat.v(value)).as("%%v of %s", row[0]).isEqualTo(row[1]);
            softly.assertThat(GoFormat.f(value)).as("%%f of %s", row[0]).isEqualTo(row[2]);
        }
        softly.assertAll();
    }

    @Test
    void printsTimestampsAsGo() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : rows("T")) {
            softly.assertThat(GoFormat.timestamp(Long.parseLong(row[1]))).as(row[1]).isEqualTo(row[2]);
        }
        softly.assertAll();
    }

    @Test
    void computesExpAsGoOnAmd64() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (String[] row : rows("E")) {
            double x = bits(row[1]);
            double actual = ExponentialBuckets.exp(x);
            softly.assertThat(Double.doubleToRawLongBits(actual))
                    .as("exp(%s) = %s, Go: %s", x, actual, bits(row[2]))
                    .isEqualTo(Long.parseUnsignedLong(row[2], 16));
        }
        softly.assertAll();
    }

    @Test
    void printsNonFiniteDoublesAsGo() {
        assertThat(GoFormat.v(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.f(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.v(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFormat.f(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoFormat.f(-1e-9)).isEqualTo("-0.000000");
    }

    enum Sample { UNSPECIFIED, OK, EXPONENTIAL_HISTOGRAM, TRACE2 }

    @Test
    void namesEnumsAsGoStringers() {
        assertThat(Stream.of(Sample.values()).map(GoFormat::enumName))
                .containsExactly("Unspecified", "Ok", "ExponentialHistogram", "Trace2");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void formatsQuicklyEnoughForADebugStream() {
        StringBuilder sink = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            double value = i * 0.7071067811865476;
            sink.append(GoFormat.v(value)).append(GoFormat.f(value));
        }
        assertThat(sink).isNotEmpty();
    }
}
