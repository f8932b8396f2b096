package io.otelier.receiver.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both text formats, entry by entry, and malformed inputs with their error positions. */
class ExpositionParserTest {

    /** Every entry rendered on one line; series as labels, value, timestamp and exemplar. */
    static List<String> parse(String text, boolean openMetrics) throws ParseException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ExpositionParser p = new ExpositionParser(b, b.length, openMetrics);
        List<String> out = new ArrayList<>();
        for (ExpositionParser.Entry e = p.next(); e != ExpositionParser.Entry.EOF; e = p.next()) {
            switch (e) {
                case SERIES -> {
                    StringBuilder sb = new StringBuilder(p.labels().toString()).append(' ').append(p.value());
                    if (p.hasTimestamp()) {
                        sb.append(" @").append(p.timestampMs());
                    }
                    if (p.hasExemplar()) {
                        sb.append(" # ").append(p.exemplarLabels()).append(' ').append(p.exemplarValue());
                        if (p.exemplarHasTimestamp()) {
                            sb.append(" @").append(p.exemplarTimestampMs());
                        }
                    }
                    out.add(sb.toString());
                }
                case COMMENT -> out.add("COMMENT");
                default -> out.add(e + " " + p.metadataName() + " " + p.metadataText());
            }
        }
        return out;
    }

    @Test
    void prometheusText() throws ParseException {
        String text = """
                # HELP go_gc_duration_seconds A summary of the pause duration.\\nSecond line \\\\ done
                # TYPE go_gc_duration_seconds summary
                go_gc_duration_seconds{quantile="0"} 4.9351e-05
                go_gc_duration_seconds{quantile="1"} 0.011689149
                go_gc_duration_seconds_sum 0.12
                go_gc_duration_seconds_count 83

                # A comment
                #not metadata either
                # TYPE untyped_metric untyped
                untyped_metric{a="b",} 1 1700000000000
                \tspaced { a = "x" , b="y" }   -2.5e3   -10  \s
                  # indented comment
                escaped{path="C:\\\\dir\\"q\\"\\nnext",other="\\t"} +Inf
                nan NaN
                neg_inf -Inf
                hex 0x1p3
                """;
        assertThat(parse(text, false)).containsExactly(
                "HELP go_gc_duration_seconds A summary of the pause duration.\nSecond line \\ done",
                "TYPE go_gc_duration_seconds summary",
                "{__name__=\"go_gc_duration_seconds\", quantile=\"0\"} 4.9351E-5",
                "{__name__=\"go_gc_duration_seconds\", quantile=\"1\"} 0.011689149",
                "{__name__=\"go_gc_duration_seconds_sum\"} 0.12",
                "{__name__=\"go_gc_duration_seconds_count\"} 83.0",
                "COMMENT",
                "COMMENT",
                "TYPE untyped_metric unknown",
                "{__name__=\"untyped_metric\", a=\"b\"} 1.0 @1700000000000",
                "{__name__=\"spaced\", a=\"x\", b=\"y\"} -2500.0 @-10",
                "COMMENT",
                "{__name__=\"escaped\", other=\"\\\\t\", path=\"C:\\\\dir\\\"q\\\"\\nnext\"} Infinity",
                "{__name__=\"nan\"} NaN",
                "{__name__=\"neg_inf\"} -Infinity",
                "{__name__=\"hex\"} 8.0");
    }

    @Test
    void utf8NamesInQuotes() throws ParseException {
        String text = """
                # TYPE "my.metric" gauge
                {"my.metric", "label.with.dots"="ü", plain="1"} 3
                {plain="2", "my.metric"} 4
                """;
        assertThat(parse(text, false)).containsExactly(
                "TYPE my.metric gauge",
                "{__name__=\"my.metric\", label.with.dots=\"ü\", plain=\"1\"} 3.0",
                "{__name__=\"my.metric\", plain=\"2\"} 4.0");
    }

    @Test
    void openMetrics() throws ParseException {
        String text = """
                # TYPE foo counter
                # UNIT foo_seconds seconds
                # HELP foo Some \\"quoted\\" help
                foo_total 17.0 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67
                foo_created 1520872607.123
                # TYPE hist histogram
                hist_bucket{le="0.01"} 0
                hist_bucket{le="+Inf"} 17 # {trace_id="oHg5SJYRHA0",span_id="1"} 9.8 1520879607.789
                hist_count 17
                hist_sum 324789.3
                # TYPE empty_labels gauge
                empty_labels{} 1
                # EOF
                """;
        assertThat(parse(text, true)).containsExactly(
                "TYPE foo counter",
                "UNIT foo_seconds seconds",
                "HELP foo Some \"quoted\" help",
                "{__name__=\"foo_total\"} 17.0 @1520879607789 # {trace_id=\"KOO5S4vxi0o\"} 0.67",
                "{__name__=\"foo_created\"} 1.520872607123E9",
                "TYPE hist histogram",
                "{__name__=\"hist_bucket\", le=\"0.01\"} 0.0",
                "{__name__=\"hist_bucket\", le=\"+Inf\"} 17.0 # {span_id=\"1\", trace_id=\"oHg5SJYRHA0\"} 9.8 @1520879607789",
                "{__name__=\"hist_count\"} 17.0",
                "{__name__=\"hist_sum\"} 324789.3",
                "TYPE empty_labels gauge",
                "{__name__=\"empty_labels\"} 1.0");
    }

    @Test
    void openMetricsWithoutFinalNewline() throws ParseException {
        assertThat(parse("a 1\n# EOF", true)).containsExactly("{__name__=\"a\"} 1.0");
    }

    @Test
    void emptyLabelValuesAreDropped() throws ParseException {
        assertThat(parse("m{a=\"\",b=\"1\"} 1\n", false)).containsExactly("{__name__=\"m\", b=\"1\"} 1.0");
    }

    @Test
    void seriesKeyIsTheRawNameAndLabels() throws ParseException {
        byte[] b = "m{a=\"1\"} 2 3\n".getBytes(StandardCharsets.UTF_8);
        ExpositionParser p = new ExpositionParser(b, b.length, false);
        p.next();
        assertThat(p.seriesKey()).isEqualTo("m{a=\"1\"}");
        assertThat(p.metricName()).isEqualTo("m");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // name | format | input (\n as \\n) | expected message
        "bad value|text|metric abc|line 1, column 8: invalid value \"abc\"",
        "java-only float suffix|text|metric 1d|line 1, column 8: invalid value \"1d\"",
        "missing value|text|metric|line 1, column 7: expected a space before the value, got end of line",
        "unterminated labels|text|metric{a=\"b\" 1|line 1, column 14: expected ',' or '}' after label value, got \"1\"",
        "unterminated string|text|metric{a=\"b} 1|line 1, column 10: unterminated quoted string",
        "missing equals|text|ok 1\\nmetric{a \"b\"} 1|line 2, column 10: expected '=' after label name, got \"\"b\"} 1\"",
        "unquoted value|text|metric{a=b} 1|line 1, column 10: expected a quoted label value, got \"b} 1\"",
        "bad timestamp|text|metric 1 1.5|line 1, column 10: invalid timestamp \"1.5\"",
        "junk after timestamp|text|metric 1 2 3|line 1, column 12: expected end of line after the timestamp, got \"3\"",
        "bad type|text|# TYPE m countr|line 1, column 9: invalid metric type \"countr\"",
        "duplicate label|text|m{a=\"1\",a=\"2\"} 1|line 1, column 1: invalid sample: non-unique label names: \"a\"",
        "starts with digit|text|1metric 1|line 1, column 1: expected a metric name or '{', got \"1metric 1\"",
        "no name|text|{a=\"1\"} 1|line 1, column 1: the series has no metric name",
        "om without eof|om|a 1\\n|line 2, column 1: data does not end with # EOF",
        "om data after eof|om|# EOF\\na 1\\n|line 2, column 1: unexpected data after # EOF",
        "om blank line|om|a 1\\n\\n# EOF\\n|line 2, column 1: unexpected blank line",
        "om comment|om|# hello\\n# EOF\\n|line 1, column 3: expected HELP, TYPE, UNIT or EOF after '# ', got \"\"",
        "om unit not suffix|om|# UNIT foo seconds\\n# EOF\\n|line 1, column 11: unit \"seconds\" is not a suffix of metric \"foo\"",
        "om bad exemplar|om|a_total 1 # x\\n# EOF\\n|line 1, column 11: expected \"# {\" to start an exemplar",
        "om type gaugehistogram ok, bad type|om|# TYPE a untyped\\n# EOF\\n|line 1, column 9: invalid metric type \"untyped\""})
    void malformedInputsNameTheirPosition(String name, String format, String input, String message) {
        String text = input.replace("\\n", "\n");
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            ExpositionParser p = new ExpositionParser(b, b.length, format.equals("om"));
            for (ExpositionParser.Entry e = p.next(); e != ExpositionParser.Entry.EOF; e = p.next()) {
                if (e == ExpositionParser.Entry.SERIES) {
                    p.labels();
                }
            }
        }).isInstanceOf(ParseException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|1.0", "-0.5|-0.5", "1e3|1000.0", "1E-3|0.001", "+Inf|Infinity",
        "inf|Infinity", "-infinity|-Infinity", "nan|NaN", "123456789012345678901234|1.2345678901234568E23",
        "0.1|0.1", "1.7976931348623157e308|1.7976931348623157E308", "4.9e-324|4.9E-324", ".5|0.5", "5.|5.0"})
    void floatsParseLikeGo(String in, String expected) {
        byte[] b = in.getBytes(StandardCharsets.US_ASCII);
        assertThat(FloatParser.parse(b, 0, b.length)).isEqualTo(Double.valueOf(expected));
    }

    @Test
    void fastPathIsExactForManyDecimals() {
        for (int i = 0; i < 100_000; i++) {
            String s = (i * 7919L) + "." + (i % 1000);
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(FloatParser.parse(b, 0, b.length)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }
}
