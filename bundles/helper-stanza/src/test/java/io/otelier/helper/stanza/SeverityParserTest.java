package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.logs.SeverityNumber;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases of upstream operator/parser/severity/parser_test.go. */
class SeverityParserTest {

    private static final String ALL_THE_THINGS =
            "{info: 3xx, error3: 4xx, debug4: 5xx, trace2: [ttttttracer, ddd, {min: 1111, max: 1234}], fatal2: ''}";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unknown", "blah", "", null, SeverityNumber.UNSPECIFIED),
                Arguments.of("error", "error", "", null, SeverityNumber.ERROR),
                Arguments.of("error-capitalized", "Error", "", null, SeverityNumber.ERROR),
                Arguments.of("error-all-caps", "ERROR", "", null, SeverityNumber.ERROR),
                Arguments.of("warning-default-alias", "warning", "", null, SeverityNumber.WARN),
                Arguments.of("err3-default-alias", "err3", "", null, SeverityNumber.ERROR3),
                Arguments.of("otel-number", 17L, "", null, SeverityNumber.ERROR),
                Arguments.of("custom-string", "NOOOOOOO", "", "{error: NOOOOOOO}", SeverityNumber.ERROR),
                Arguments.of("custom-string-caps-key", "NOOOOOOO", "", "{ErRoR: NOOOOOOO}", SeverityNumber.ERROR),
                Arguments.of("custom-int", 1234L, "", "{error: 1234}", SeverityNumber.ERROR),
                Arguments.of("mixed-list-string", "ThiS Is BaD", "", "{error: [NOOOOOOO, this is bad, 1234]}",
                        SeverityNumber.ERROR),
                Arguments.of("mixed-list-int", 1234L, "", "{error: [NOOOOOOO, this is bad, 1234]}",
                        SeverityNumber.ERROR),
                Arguments.of("in-range", 123L, "", "{error: {min: 120, max: 125}}", SeverityNumber.ERROR),
                Arguments.of("in-range-min", 120L, "", "{error: {min: 120, max: 125}}", SeverityNumber.ERROR),
                Arguments.of("in-range-max", 125L, "", "{error: {min: 120, max: 125}}", SeverityNumber.ERROR),
                Arguments.of("out-of-range-min-minus", 119L, "", "{error: {min: 120, max: 125}}",
                        SeverityNumber.UNSPECIFIED),
                Arguments.of("out-of-range-max-plus", 126L, "", "{error: {min: 120, max: 125}}",
                        SeverityNumber.UNSPECIFIED),
                Arguments.of("range-out-of-order", 123L, "", "{error: {min: 125, max: 120}}", SeverityNumber.ERROR),
                Arguments.of("Http2xx-hit", 201L, "", "{error: 2xx}", SeverityNumber.ERROR),
                Arguments.of("Http2xx-miss", 301L, "", "{error: 2xx}", SeverityNumber.UNSPECIFIED),
                Arguments.of("Http3xx-hit", 301L, "", "{error: 3xx}", SeverityNumber.ERROR),
                Arguments.of("Http4xx-hit", "404", "", "{error: 4xx}", SeverityNumber.ERROR),
                Arguments.of("Http5xx-hit", 555L, "", "{error: 5xx}", SeverityNumber.ERROR),
                Arguments.of("Http-All", "301", "", "{debug: 2xx, info: 3xx, error: 4xx, warn: 5xx}",
                        SeverityNumber.INFO),
                Arguments.of("float-whole-number", 404.0, "", "{error: 4xx}", SeverityNumber.ERROR),
                Arguments.of("all-the-things-midrange", 1234L, "", ALL_THE_THINGS, SeverityNumber.TRACE2),
                Arguments.of("all-the-things-bytes", new byte[] {100, 100, 100}, "", ALL_THE_THINGS,
                        SeverityNumber.TRACE2),
                Arguments.of("all-the-things-empty", "", "", ALL_THE_THINGS, SeverityNumber.FATAL2),
                Arguments.of("all-the-things-3xx", "399", "", ALL_THE_THINGS, SeverityNumber.INFO),
                Arguments.of("all-the-things-miss", "miss", "", ALL_THE_THINGS, SeverityNumber.UNSPECIFIED),
                Arguments.of("base-mapping-none", "error", "none", null, SeverityNumber.UNSPECIFIED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsValues(String name, Object sample, String preset, String mapping, SeverityNumber expected) {
        for (String from : new String[] {"body", "body.severity"}) {
            StringBuilder yaml = new StringBuilder("- type: severity_parser\n  parse_from: " + from + "\n");
            if (!preset.isEmpty()) {
                yaml.append("  preset: ").append(preset).append('\n');
            }
            if (mapping != null) {
                yaml.append("  mapping: ").append(mapping.replace("\n", " ")).append('\n');
            }
            PipelineTestSupport p = new PipelineTestSupport(yaml.toString());
            Object body = from.equals("body") ? sample : new java.util.LinkedHashMap<>(java.util.Map.of("severity", sample));
            Entry out = p.runOne(body);
            assertThat(out.severity()).as(from).isEqualTo(expected);
        }
    }

    @Test
    void keepsTheOriginalTextUnlessOverwriteText() {
        PipelineTestSupport keep = new PipelineTestSupport("- type: severity_parser\n  parse_from: body\n");
        assertThat(keep.runOne("Warning").severityText()).isEqualTo("Warning");
        PipelineTestSupport overwrite = new PipelineTestSupport(
                "- type: severity_parser\n  parse_from: body\n  overwrite_text: true\n");
        assertThat(overwrite.runOne("Warning").severityText()).isEqualTo("WARN");
        assertThat(overwrite.runOne("nothing").severityText()).isEqualTo("nothing");
    }

    @Test
    void nonWholeFloatsAndMapsAreErrors() {
        PipelineTestSupport p = new PipelineTestSupport("- type: severity_parser\n  parse_from: body\n  on_error: drop\n");
        assertThat(p.runOne(1.5)).isNull();
        assertThat(p.runOne(java.util.Map.of())).isNull();
        assertThat(p.logger.entries().toString()).contains("cannot be a severity");
    }
}
