package io.otelier.receiver.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otelier.api.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Relabeling against Prometheus's own TestRelabel table: inputs and rules from Prometheus v0.315.1, expected
 * outputs computed by Prometheus's {@code relabel.ProcessBuilder} (see src/test/golden-generator/relabeldump).
 */
class RelabelRuleTest {

    static Stream<Arguments> prometheusCases() throws IOException {
        JsonNode cases;
        try (InputStream in = RelabelRuleTest.class.getResourceAsStream("/upstream-golden/relabel-cases.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String actions = String.join(",", c.get("rules").findValuesAsText("action"));
            out.add(Arguments.of("case " + i + " (" + actions + ")", c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prometheusCases")
    void matchesPrometheus(String name, JsonNode c) {
        List<RelabelRule> rules = new ArrayList<>();
        for (JsonNode r : c.get("rules")) {
            List<String> sources = new ArrayList<>();
            r.get("source_labels").forEach(s -> sources.add(s.asText()));
            rules.add(new RelabelRule(sources, r.get("separator").asText(), GoRegex.compile(r.get("regex").asText()),
                    r.get("modulus").asLong(), r.get("target_label").asText(), r.get("replacement").asText(),
                    RelabelAction.parse(r.get("action").asText())));
        }
        LabelsBuilder lb = new LabelsBuilder();
        c.get("input").fields().forEachRemaining(e -> lb.set(e.getKey(), e.getValue().asText()));

        boolean keep = RelabelRule.process(lb, rules);

        assertThat(keep).as("kept").isEqualTo(!c.get("drop").asBoolean());
        if (keep) {
            Map<String, String> expected = new LinkedHashMap<>();
            c.get("output").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            Map<String, String> actual = new LinkedHashMap<>();
            lb.labels().forEach(actual::put);
            assertThat(actual).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "$1|foo|foo",
        "${1}|foo|foo",
        "$1x|foo|''",          // Go reads the name "1x": no such group
        "${1}x|foo|foox",
        "$$1|foo|$1",
        "a$|foo|a$",            // a trailing '$' stays
        "${bad-name}|foo|${bad-name}",
        "$name|foo|foo",
        "$2|foo|''"})
    void expandFollowsGo(String template, String value, String expected) {
        GoRegex re = GoRegex.compile("(?P<name>.*)");
        assertThat(GoRegex.expand(template, re.match(value))).isEqualTo(expected);
    }

    @Test
    void regexIsAnchoredAndDotMatchesNewline() {
        GoRegex re = GoRegex.compile("foo.*");
        assertThat(re.matches("foo\nbar")).isTrue();
        assertThat(re.matches("xfoo")).isFalse();
        assertThat(GoRegex.compile("a|b").matches("ab")).isFalse();
        assertThat(GoRegex.compile("[[:alpha:]]+").matches("abc")).isTrue();
        assertThat(GoRegex.compile("[[:^digit:]]+").matches("a1")).isFalse();
    }

    @Test
    void hashmodMatchesPrometheus() {
        // the low 8 bytes of md5("foo"), big-endian, modulo 1000
        assertThat(RelabelRule.hashMod("foo", 1000)).isEqualTo("696");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{action: hashmod, target_label: x}|modulus|relabel configuration for hashmod requires non-zero modulus",
        "{action: replace}|target_label|relabel configuration for replace action requires 'target_label' value",
        "{action: lowercase, target_label: x, replacement: y}|replacement|'replacement' can not be set for lowercase action",
        "{action: labeldrop, source_labels: [a]}||labeldrop action requires only 'regex', and no other fields",
        "{action: keepequal, target_label: x, regex: y}||keepequal action requires only 'source_labels' and `target_label`, and no other fields",
        "{action: bogus}|action|unknown relabel action \"bogus\"",
        "{regex: '(', target_label: x}|regex|invalid regular expression",
        "{if: 'up', target_label: x}|if|is not supported by this distribution yet"})
    void validationFollowsPrometheus(String yaml, String field, String message) {
        Object tree = new org.yaml.snakeyaml.Yaml().load(yaml);
        assertThatThrownBy(() -> PromConfigReader.relabelRule(new ConfigNode(tree, "r")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(field == null ? "r: " : "r::" + field + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void defaultsAreReplaceWithWholeValue() {
        Object tree = new org.yaml.snakeyaml.Yaml().load("{source_labels: [a, b], target_label: c}");
        RelabelRule rule = PromConfigReader.relabelRule(new ConfigNode(tree, "r"));
        LabelsBuilder lb = new LabelsBuilder().set("a", "1").set("b", "2");
        rule.apply(lb);
        assertThat(lb.get("c")).isEqualTo("1;2");
    }

    @Test
    void actionNamesAreCaseInsensitive() {
        assertThat(RelabelAction.parse("LabelMap")).isEqualTo(RelabelAction.LABELMAP);
    }
}
