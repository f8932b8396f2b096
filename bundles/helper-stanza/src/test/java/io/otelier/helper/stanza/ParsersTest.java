package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.logs.SeverityNumber;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parser operators, with cases from upstream's parser tests. */
class ParsersTest {

    private static Map<String, Object> attributesAfter(String yaml, Object body) {
        Entry out = new PipelineTestSupport(yaml).runOne(body);
        assertThat(out).as("entry passed on").isNotNull();
        return out.attributes() == null ? Map.of() : out.attributes();
    }

    @Test
    void jsonParserNumbersAreFloatsUnlessParseInts() {
        assertThat(attributesAfter("- type: json_parser\n", "{\"a\":1,\"b\":\"x\",\"c\":null,\"d\":[1,{\"e\":false}]}"))
                .containsEntry("a", 1.0).containsEntry("b", "x").containsEntry("c", null)
                .containsEntry("d", List.of(1.0, Map.of("e", false)));
        assertThat(attributesAfter("- type: json_parser\n  parse_ints: true\n",
                "{\"a\":1,\"b\":1.5,\"c\":[2,9223372036854775808]}"))
                .containsEntry("a", 1L).containsEntry("b", 1.5).containsEntry("c", List.of(2L, 9.223372036854775808E18));
    }

    @Test
    void jsonParserErrorsSendTheEntryUnchanged() {
        PipelineTestSupport p = new PipelineTestSupport("- type: json_parser\n");
        Entry out = p.runOne("{\"unterminated\":");
        assertThat(out.body()).isEqualTo("{\"unterminated\":");
        assertThat(out.attributes()).isNull();
        assertThat(p.runOne(Map.of("already", "map")).attributes()).isNull();
        assertThat(p.logger.entries().toString()).contains("cannot be parsed as JSON");
    }

    @Test
    void parseToBodyAndParseFromNested() {
        Entry out = new PipelineTestSupport("""
                - type: json_parser
                  parse_from: body.raw
                  parse_to: body
                """).runOne(new java.util.LinkedHashMap<>(Map.of("raw", "{\"k\":\"v\"}")));
        assertThat(out.body()).isEqualTo(Map.of("raw", "{\"k\":\"v\"}", "k", "v"));
    }

    @Test
    void missingParseFromIsAnEntryError() {
        PipelineTestSupport p = new PipelineTestSupport("- type: json_parser\n  parse_from: attributes.nope\n");
        assertThat(p.runOne("x").body()).isEqualTo("x");
        assertThat(p.logger.entries().toString()).contains("Entry is missing the expected parse_from field");
    }

    @Test
    void regexParserNamedGroupsUnmatchedGroupsAndCache() {
        String yaml = """
                - type: regex_parser
                  regex: '^(?P<key_1>\\w+)=(?P<value>\\w+)(?: (?P<opt>x))?$'
                  cache:
                    size: 1
                """;
        PipelineTestSupport p = new PipelineTestSupport(yaml);
        for (int i = 0; i < 3; i++) {
            assertThat(p.runOne("a=b").attributes()).isEqualTo(Map.of("key_1", "a", "value", "b", "opt", ""));
        }
        assertThat(p.runOne("c=d x").attributes()).isEqualTo(Map.of("key_1", "c", "value", "d", "opt", "x"));
        assertThat(p.runOne("no match").attributes()).isNull();
        assertThat(p.logger.entries().toString()).contains("regex pattern does not match");
    }

    @Test
    void regexParserPosixClasses() {
        assertThat(attributesAfter("- type: regex_parser\n  regex: '^(?P<w>[[:alpha:]]+)[[:space:]](?P<d>[[:digit:]]+)'\n",
                "abc 123")).isEqualTo(Map.of("w", "abc", "d", "123"));
    }

    static Stream<Arguments> keyValues() {
        // upstream operator/parser/keyvalue/parser_test.go
        return Stream.of(
                Arguments.of("simple", "", "name=stanza age=2", Map.of("name", "stanza", "age", "2")),
                Arguments.of("user-agent", "", "requestClientApplication=\"Mozilla/5.0 (Windows NT 6.1; WOW64; rv:40.0) "
                        + "Gecko/20100101 Firefox/40.0\"", Map.of("requestClientApplication",
                        "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:40.0) Gecko/20100101 Firefox/40.0")),
                Arguments.of("double-quotes-removed", "", "name=\"stanza\" age=2", Map.of("name", "stanza", "age", "2")),
                Arguments.of("single-quotes-removed", "", "description='stanza deployment number 5' x=y",
                        Map.of("description", "stanza deployment number 5", "x", "y")),
                Arguments.of("double-quotes-spaces-removed", "", "name=\" stanza \" age=2",
                        Map.of("name", "stanza", "age", "2")),
                Arguments.of("leading-and-trailing-space", "", "\" name \"=\" stanza \" age=2",
                        Map.of("name", "stanza", "age", "2")),
                Arguments.of("double-delimiter", "  delimiter: '=='\n", "name==\" stanza \" age==2     key==value",
                        Map.of("name", "stanza", "age", "2", "key", "value")),
                Arguments.of("pair-delimiter", "  pair_delimiter: '|'\n", "name=stanza|age=2     | key=value",
                        Map.of("name", "stanza", "age", "2", "key", "value")),
                Arguments.of("pair-delimiter-multiline", "  pair_delimiter: \"^\\n\"\n", "name=stanza^\nage=2^\nkey=value",
                        Map.of("name", "stanza", "age", "2", "key", "value")),
                Arguments.of("escaped-quote", "", "msg=\"say \\\"hi\\\"\" x=1", Map.of("msg", "say \\\"hi\\\"", "x", "1")),
                Arguments.of("value-with-delimiter", "", "url=a=b", Map.of("url", "a=b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyValues")
    void keyValueParser(String name, String options, String body, Map<String, Object> expected) {
        assertThat(attributesAfter("- type: key_value_parser\n" + options, body)).isEqualTo(expected);
    }

    @Test
    void keyValueParserFailsWholeEntryOnABadPair() {
        PipelineTestSupport p = new PipelineTestSupport("- type: key_value_parser\n");
        assertThat(p.runOne("a=1 broken").attributes()).isNull();
        assertThat(p.logger.entries().toString()).contains("cannot split \\\"broken\\\" into 2 items".replace("\\\"", "\""));
        assertThat(p.runOne("x=\"open").attributes()).isNull();
    }

    static Stream<Arguments> csvs() {
        return Stream.of(
                Arguments.of("basic", "  header: a,b,c\n", "1,2,3", Map.of("a", "1", "b", "2", "c", "3")),
                Arguments.of("quoted-comma", "  header: a,b\n", "\"x,y\",z", Map.of("a", "x,y", "b", "z")),
                Arguments.of("escaped-quote", "  header: a,b\n", "\"say \"\"hi\"\"\",z", Map.of("a", "say \"hi\"", "b", "z")),
                Arguments.of("tab-delimiter", "  header: \"a\\tb\"\n  delimiter: \"\\t\"\n", "1\t2", Map.of("a", "1", "b", "2")),
                Arguments.of("header-delimiter", "  header: 'a;b'\n  header_delimiter: ';'\n", "1,2",
                        Map.of("a", "1", "b", "2")),
                Arguments.of("lazy-quotes", "  header: a,b\n  lazy_quotes: true\n", "x\"y,\"z\"w\"", Map.of("a", "x\"y", "b", "z\"w")),
                Arguments.of("ignore-quotes", "  header: a,b,c\n  ignore_quotes: true\n", "\"x,y\",z",
                        Map.of("a", "\"x", "b", "y\"", "c", "z")),
                Arguments.of("empty-fields", "  header: a,b,c\n", ",,", Map.of("a", "", "b", "", "c", "")),
                Arguments.of("embedded-newline", "  header: a,b,c\n", "1,\"two\nlines\",3",
                        Map.of("a", "1", "b", "two\nlines", "c", "3")),
                Arguments.of("continued-record", "  header: A,B,C,D,E\n", "aa,b\nb,cc,d\nd,ee",
                        Map.of("A", "aa", "B", "b\nb", "C", "cc", "D", "d\nd", "E", "ee")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvs")
    void csvParser(String name, String options, String body, Map<String, Object> expected) {
        assertThat(attributesAfter("- type: csv_parser\n" + options, body)).isEqualTo(expected);
    }

    @Test
    void csvParserErrorsAndDynamicHeader() {
        PipelineTestSupport p = new PipelineTestSupport("- type: csv_parser\n  header: a,b\n");
        assertThat(p.runOne("1,2,3").attributes()).isNull();
        assertThat(p.runOne("x\"y,z").attributes()).isNull();
        assertThat(p.logger.entries().toString()).contains("wrong number of fields: expected 2, found 3")
                .contains("bare \" in non-quoted-field");

        PipelineTestSupport dynamic = new PipelineTestSupport(
                "- type: csv_parser\n  header_attribute: hdr\n  parse_from: body\n");
        Entry withHeader = new Entry("1|2");
        withHeader.addAttribute("hdr", "x,y");
        dynamic.pipeline.process(withHeader);
        assertThat(dynamic.out).hasSize(1);
        Entry good = new Entry("1,2");
        good.addAttribute("hdr", "x,y");
        dynamic.pipeline.process(good);
        assertThat(dynamic.out.get(1).attributes()).containsEntry("x", "1").containsEntry("y", "2");
        dynamic.pipeline.process(new Entry("1,2"));
        assertThat(dynamic.out).as("no header attribute: dropped, as upstream").hasSize(2);
    }

    static Stream<Arguments> uris() {
        // upstream internal/coreinternal/parseutils/uri_test.go (non-semconv mapping)
        return Stream.of(
                Arguments.of("https://google.com:443/path?user=dev", Map.of("scheme", "https", "host", "google.com",
                        "port", "443", "path", "/path", "query", Map.of("user", List.of("dev")))),
                Arguments.of("http://google.com/app?user_id=2&token=001", Map.of("scheme", "http", "host", "google.com",
                        "path", "/app", "query", Map.of("user_id", List.of("2"), "token", List.of("001")))),
                Arguments.of("/app?user=admin", Map.of("path", "/app", "query", Map.of("user", List.of("admin")))),
                Arguments.of("?user=admin&x=1&x=2", Map.of("query", Map.of("user", List.of("admin"), "x", List.of("1", "2")))),
                Arguments.of("https://dev:pass@example.com/a%20b", Map.of("scheme", "https", "user", "dev",
                        "host", "example.com", "path", "/a%20b")),
                Arguments.of("http://[::1]:8080/", Map.of("scheme", "http", "host", "::1", "port", "8080", "path", "/")),
                Arguments.of("/search?q=a+b&bad=%zz&ok=1", Map.of("path", "/search",
                        "query", Map.of("q", List.of("a b"), "ok", List.of("1")))),
                Arguments.of("mailto:someone@example.com", Map.of("scheme", "mailto")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uris")
    void uriParser(String uri, Map<String, Object> expected) {
        assertThat(attributesAfter("- type: uri_parser\n", uri)).isEqualTo(expected);
    }

    @Test
    void uriParserRejectsRelativeReferences() {
        PipelineTestSupport p = new PipelineTestSupport("- type: uri_parser\n  on_error: drop\n");
        assertThat(p.runOne("not a uri")).isNull();
        assertThat(p.runOne("http://host:port/")).isNull();
        assertThat(p.logger.entries().toString()).contains("invalid URI for request").contains("invalid port");
    }

    @Test
    void traceParserDecodesHexAndReportsBadValues() {
        PipelineTestSupport p = new PipelineTestSupport("- type: trace_parser\n");
        Map<String, Object> body = new HashMap<>(Map.of("trace_id", "480140f3d770a5ae32f0a22b6a812cff",
                "span_id", "92c3792d0fd6e3ac", "trace_flags", "01"));
        Entry out = p.runOne(body);
        assertThat(out.traceId()).hasSize(16).startsWith(0x48, 0x01);
        assertThat(out.spanId()).hasSize(8);
        assertThat(out.traceFlags()).containsExactly(1);
        Entry bad = p.runOne(new HashMap<>(Map.of("trace_id", "zz", "span_id", "abc")));
        assertThat(bad.traceId()).isNull();
        assertThat(p.logger.entries().toString()).contains("Error decoding traces for logs")
                .contains("encoding/hex: invalid byte: U+007A 'z'").contains("odd length hex string");
    }

    @Test
    void scopeNameParser() {
        PipelineTestSupport p = new PipelineTestSupport("- type: scope_name_parser\n  parse_from: body.logger\n");
        assertThat(p.runOne(new HashMap<>(Map.of("logger", "my.Logger"))).scopeName()).isEqualTo("my.Logger");
        assertThat(p.runOne(new HashMap<>(Map.of("logger", 1L))).scopeName()).isEmpty();
        assertThat(p.logger.entries().toString()).contains("parse_from field does not contain a string");
    }

    @Test
    void embeddedBlocksAndBodyField() {
        Entry out = new PipelineTestSupport("""
                - type: regex_parser
                  regex: '^(?P<ts>\\d+) (?P<sev>\\w+) (?P<scope>\\S+) (?P<msg>.*)$'
                  body: attributes.msg
                  timestamp:
                    parse_from: attributes.ts
                    layout_type: epoch
                    layout: s
                    unknown_key_is_ignored: true
                  severity:
                    parse_from: attributes.sev
                  scope_name:
                    parse_from: attributes.scope
                """).runOne("1700000000 warn my.scope the message");
        assertThat(out.body()).isEqualTo("the message");
        assertThat(out.timestamp()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(out.severity()).isEqualTo(SeverityNumber.WARN);
        assertThat(out.scopeName()).isEqualTo("my.scope");
    }

    @Test
    void ifSkipsTheParser() {
        PipelineTestSupport p = new PipelineTestSupport("- type: json_parser\n  if: 'body matches \"^\\\\{\"'\n");
        assertThat(p.runOne("{\"a\":\"b\"}").attributes()).containsEntry("a", "b");
        assertThat(p.runOne("plain").attributes()).isNull();
        assertThat(p.logger.at(io.otelier.api.telemetry.Level.ERROR)).isEmpty();
    }
}
