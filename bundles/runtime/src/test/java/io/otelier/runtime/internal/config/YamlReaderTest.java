package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlReaderTest {

    private static Object read(String yaml) {
        return YamlReader.read(yaml, "test.yaml", true, List.of(), "test").value();
    }

    private static Object valueOf(String scalar) {
        return ((Map<?, ?>) read("v: " + scalar)).get("v");
    }

    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of("12", 12),
                Arguments.of("-3", -3),
                Arguments.of("1_000", 1000),
                Arguments.of("0x1F", 31),
                Arguments.of("0o17", 15),
                Arguments.of("4294967296", 4294967296L),
                Arguments.of("18446744073709551616", new BigInteger("18446744073709551616")),
                Arguments.of("1.5", 1.5),
                Arguments.of("1e3", 1000.0),
                Arguments.of("true", true),
                Arguments.of("False", false),
                Arguments.of("~", null),
                Arguments.of("null", null),
                Arguments.of("", null),
                // YAML 1.1 forms that Go's yaml.v3 keeps as strings
                Arguments.of("on", "on"),
                Arguments.of("yes", "yes"),
                Arguments.of("12:30", "12:30"),
                Arguments.of("0755", "0755"),
                Arguments.of("2024-01-02", "2024-01-02"),
                Arguments.of("0.0.0.0:4317", "0.0.0.0:4317"),
                Arguments.of("\"12\"", "12"),
                Arguments.of("'true'", "true"),
                Arguments.of("!!str 12", "12"),
                Arguments.of("!!int \"12\"", 12));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("scalars")
    void typesScalarsLikeGoYaml(String scalar, Object expected) {
        assertThat(valueOf(scalar)).isEqualTo(expected);
    }

    @Test
    void splitsKeysOnDoubleColonAndMergesWithSiblings() {
        Object tree = read("""
                exporters::debug::verbosity: detailed
                exporters:
                  debug:
                    sampling_initial: 5
                """);
        assertThat(tree).isEqualTo(Map.of("exporters", Map.of("debug", Map.of("verbosity", "detailed",
                "sampling_initial", 5))));
    }

    @Test
    void honoursMergeKeysWithExplicitKeysWinning() {
        Object tree = read("""
                base: &base
                  endpoint: a:1
                  timeout: 5s
                exporters:
                  otlp:
                    <<: *base
                    timeout: 10s
                """);
        assertThat(((Map<?, ?>) ((Map<?, ?>) tree).get("exporters")).get("otlp"))
                .isEqualTo(Map.of("endpoint", "a:1", "timeout", "10s"));
    }

    @Test
    void rejectsDuplicateKeysNamingBothLines() {
        assertThatThrownBy(() -> read("""
                a: 1
                b: 2
                a: 3
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("cannot parse test: line 3: mapping key \"a\" already defined at line 1");
    }

    @Test
    void namesSourceLineAndColumnOfSyntaxErrors() {
        assertThatThrownBy(() -> YamlReader.read("""
                receivers:
                  otlp:
                    protocols: grpc: x
                """, "c.yaml", true, List.of(), "config file \"c.yaml\""))
                .hasMessage("cannot parse config file \"c.yaml\": line 3, column 20: mapping values are not allowed here");
    }

    @Test
    void recordsTheLineOfEveryKeyAndListItem() {
        YamlReader.Parsed parsed = YamlReader.read("""
                service:
                  pipelines:
                    traces:
                      receivers:
                        - otlp
                        - nop
                """, "c.yaml", true, List.of(), "c");
        assertThat(parsed.origins().get(path("service", "pipelines", "traces"))).isEqualTo(new Origin("c.yaml", 3));
        assertThat(parsed.origins().get(path("service", "pipelines", "traces", "receivers", "1")))
                .isEqualTo(new Origin("c.yaml", 6));
    }

    @Test
    void keepsTextThatIsNotYamlWhenTypingAValue() {
        assertThat(YamlReader.parseValue("a: b: c")).isEqualTo("a: b: c");
        assertThat(YamlReader.parseValue("[a, 1]")).isEqualTo(List.of("a", 1));
        assertThat(YamlReader.parseValue("4317")).isEqualTo(4317);
    }

    private static List<String> path(String... segments) {
        return Arrays.asList(segments);
    }
}
