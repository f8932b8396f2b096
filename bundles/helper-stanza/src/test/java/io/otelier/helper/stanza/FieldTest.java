package io.otelier.helper.stanza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FieldTest {

    static Stream<Arguments> parses() {
        // upstream entry/field_test.go TestFieldUnmarshalJSON
        return Stream.of(
                Arguments.of("body", Field.body()),
                Arguments.of("body.test1", Field.body("test1")),
                Arguments.of("body.test1.test2", Field.body("test1", "test2")),
                Arguments.of("body.test1['file.name']", Field.body("test1", "file.name")),
                Arguments.of("body.test1['file.details']['file.name']", Field.body("test1", "file.details", "file.name")),
                Arguments.of("body.test1['file.details'].name", Field.body("test1", "file.details", "name")),
                Arguments.of("attributes.test1", Field.attribute("test1")),
                Arguments.of("attributes.test1.test2", Field.attribute("test1", "test2")),
                Arguments.of("attributes.test1['file.name']", Field.attribute("test1", "file.name")),
                Arguments.of("attributes[\"log.file.name\"]", Field.attribute("log.file.name")),
                Arguments.of("attributes.test1['file.details'].name", Field.attribute("test1", "file.details", "name")),
                Arguments.of("resource.test1", Field.resource("test1")),
                Arguments.of("resource.test1['file.details']['file.name']",
                        Field.resource("test1", "file.details", "file.name")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parses")
    void parsesAndPrintsBack(String text, Field expected) {
        Field field = Field.parse(text);
        assertThat(field).isEqualTo(expected);
        assertThat(Field.parse(field.toString())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "attributes|attributes cannot be referenced without subfield",
        "resource|resource cannot be referenced without subfield",
        "bool|unrecognized prefix",
        "body.[x]|strings in brackets must be surrounded by quotes",
        "body['a'x]|found characters between closed quote and closing bracket",
        "body['a']x|bracketed access must be followed by a dot or another bracketed access",
        "body['a'|found unclosed left bracket",
        "body[\"a|found unclosed double quote",
        "body['a|found unclosed single quote"})
    void refusesBadSyntax(String text, String problem) {
        assertThatThrownBy(() -> Field.parse(text)).hasMessageContaining(problem);
    }

    @Test
    void rootableAllowsWholeMaps() {
        assertThat(Field.parseRootable("attributes")).isEqualTo(Field.attribute());
        assertThat(Field.parseRootable("resource").isRoot()).isTrue();
    }

    @Test
    void setCreatesIntermediateMapsAndMergesMaps() {
        Entry e = new Entry("text");
        Field.body("a", "b").set(e, 1L);
        assertThat(e.body()).isEqualTo(Map.of("a", Map.of("b", 1L)));
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("c", 2L);
        Field.body("a").set(e, more);
        assertThat(e.body()).isEqualTo(Map.of("a", Map.of("b", 1L, "c", 2L)));
        Field.attribute("x", "y").set(e, "v");
        assertThat(e.attributes()).isEqualTo(Map.of("x", Map.of("y", "v")));
        assertThatThrownBy(() -> Field.attribute().set(e, "scalar")).hasMessage("cannot set attributes root");
    }

    @Test
    void getAndDeleteReportMissingValues() {
        Entry e = new Entry(Map.of("k", "v"));
        assertThat(Field.attribute("x").has(e)).isFalse();
        assertThat(Field.body("k").get(e)).isEqualTo("v");
        assertThat(Field.body("k", "deeper").has(e)).isFalse();
        Entry n = new Entry(null);
        assertThat(Field.body().has(n)).as("a nil body is still a body").isTrue();
        Entry m = new Entry(new LinkedHashMap<>(Map.of("k", "v")));
        assertThat(Field.body("k").delete(m)).isEqualTo("v");
        assertThat(Field.body("k").delete(m)).isSameAs(Field.NOT_FOUND);
        assertThat(Field.resource("r").delete(m)).isSameAs(Field.NOT_FOUND);
    }

    @Test
    void copyIsDeep() {
        Entry e = new Entry(new LinkedHashMap<>(Map.of("list", new java.util.ArrayList<>(List.of("a")))));
        e.addAttribute("bytes", new byte[] {1});
        Entry copy = e.copy();
        Field.body("list").set(copy, List.of("changed"));
        ((byte[]) copy.attributes().get("bytes"))[0] = 9;
        assertThat(Field.body("list").get(e)).isEqualTo(List.of("a"));
        assertThat(((byte[]) e.attributes().get("bytes"))[0]).isEqualTo((byte) 1);
    }
}
