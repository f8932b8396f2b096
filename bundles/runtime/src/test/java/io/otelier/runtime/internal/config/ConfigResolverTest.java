package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigResolverTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private ConfigResolver resolver;

    @BeforeEach
    void setUp() {
        resolver = new ConfigResolver(env::get);
    }

    private String file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p.toString();
    }

    private Map<String, Object> resolve(List<String> configs, List<String> sets) {
        return resolver.resolve(configs, sets).tree();
    }

    /** The value at a :: path of a resolved tree. */
    private static Object at(Map<String, Object> tree, String path) {
        Object node = tree;
        for (String key : path.split("::")) {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    // ---- sources and merging ----

    @Test
    void mergesSourcesInOrderMapsDeepListsReplaced() throws IOException {
        String first = file("a.yaml", """
                exporters:
                  debug:
                    verbosity: basic
                    sampling_initial: 2
                service:
                  pipelines:
                    traces:
                      receivers: [otlp, nop]
                """);
        String second = file("b.yaml", """
                exporters:
                  debug:
                    verbosity: detailed
                service:
                  pipelines:
                    traces:
                      receivers: [zipkin]
                """);
        Map<String, Object> tree = resolve(List.of(first, "file:" + second), List.of());
        assertThat(at(tree, "exporters::debug")).isEqualTo(Map.of("verbosity", "detailed", "sampling_initial", 2));
        assertThat(at(tree, "service::pipelines::traces::receivers")).isEqualTo(List.of("zipkin"));
    }

    @Test
    void laterNullReplacesEarlierValue() throws IOException {
        String first = file("a.yaml", "receivers:\n  otlp:\n    protocols:\n      grpc: {}\n");
        String second = file("b.yaml", "receivers:\n  otlp:\n");
        assertThat(at(resolve(List.of(first, second), List.of()), "receivers")).isEqualTo(singletonNull("otlp"));
    }

    @Test
    void readsEnvAndInlineYamlSources() {
        env.put("CFG", "exporters:\n  debug:\n    verbosity: normal\n");
        Map<String, Object> tree = resolve(List.of("env:CFG", "yaml:exporters::debug::sampling_initial: 7"), List.of());
        assertThat(at(tree, "exporters::debug")).isEqualTo(Map.of("verbosity", "normal", "sampling_initial", 7));
    }

    @Test
    void unsetEnvSourceIsAnEmptyDocument() {
        assertThat(resolve(List.of("env:NOPE", "yaml:a: 1"), List.of())).isEqualTo(Map.of("a", 1));
    }

    @Test
    void setAppliesLastAndParsesItsValueAsYaml() throws IOException {
        String cfg = file("c.yaml", """
                processors:
                  batch:
                    timeout: 1s
                    metadata_keys: [a, b]
                """);
        Map<String, Object> tree = resolve(List.of(cfg, "yaml:processors::batch::timeout: 3s"),
                List.of("processors::batch::timeout=2s", "processors::batch::metadata_keys=[c]",
                        "processors.batch.send_batch_size=100"));
        assertThat(at(tree, "processors::batch")).isEqualTo(Map.of("timeout", "2s", "metadata_keys", List.of("c"),
                "send_batch_size", 100));
    }

    @Test
    void setWithoutEqualSignIsAnError() {
        assertThatThrownBy(() -> resolve(List.of("yaml:a: 1"), List.of("a::b")))
                .isInstanceOf(ConfigException.class).hasMessage("--set \"a::b\": missing equal sign");
    }

    @Test
    void missingConfigFileIsNamed() {
        assertThatThrownBy(() -> resolve(List.of("x.yaml"), List.of()))
                .hasMessage("cannot read config file \"x.yaml\": no such file");
    }

    @Test
    void unknownSourceSchemeIsAnError() {
        assertThatThrownBy(() -> resolve(List.of("http://example.com/c.yaml"), List.of()))
                .hasMessage("unsupported scheme on URI \"http://example.com/c.yaml\" (supported: file, env, yaml)");
    }

    @Test
    void atLeastOneConfigIsNeeded() {
        assertThatThrownBy(() -> resolve(List.of(), List.of("a=1")))
                .hasMessage("at least one config flag must be provided");
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() throws IOException {
        String cfg = file("bad.yaml", "receivers:\n  otlp:\n    protocols: grpc: x\n");
        assertThatThrownBy(() -> resolve(List.of(cfg), List.of())).hasMessage("cannot parse config file \"" + cfg
                + "\": line 3, column 20: mapping values are not allowed here");
    }

    @Test
    void topLevelMustBeAMap() throws IOException {
        String cfg = file("list.yaml", "- a\n- b\n");
        assertThatThrownBy(() -> resolve(List.of(cfg), List.of()))
                .hasMessage("config file \"" + cfg + "\" must hold a map at the top level, got a list");
    }

    @Test
    void remembersTheSourceAndLineOfTheWinningValue() throws IOException {
        String first = file("a.yaml", """
                exporters:
                  debug:
                    verbosity: basic
                    sampling_initial: 2
                """);
        String second = file("b.yaml", """
                # override
                exporters:
                  debug:
                    verbosity: detailed
                """);
        SourceMap sources = resolver.resolve(List.of(first, second), List.of("exporters::debug::sampling_initial=3"))
                .sources();
        assertThat(sources.origin(List.of("exporters", "debug", "verbosity"))).contains(new Origin(second, 4));
        assertThat(sources.origin(List.of("exporters", "debug"))).contains(new Origin(second, 3));
        assertThat(sources.locate(List.of("exporters", "debug", "sampling_initial")))
                .isEqualTo(" (--set exporters::debug::sampling_initial=3)");
        assertThat(sources.locate(List.of("exporters", "debug", "verbosity", "deeper"))).isEqualTo(" (" + second + ":4)");
    }

    // ---- expansion ----

    static Stream<Arguments> expansions() {
        return Stream.of(
                Arguments.of("env scheme", "${env:HOST}", "collector.local"),
                Arguments.of("default scheme is env", "${HOST}", "collector.local"),
                Arguments.of("embedded", "http://${env:HOST}:${env:PORT}/v1", "http://collector.local:4317/v1"),
                Arguments.of("typed int", "${env:PORT}", 4317),
                Arguments.of("typed bool", "${env:FLAG}", true),
                Arguments.of("typed list", "${env:LIST}", List.of("a", 1)),
                Arguments.of("embedded keeps text", "x${env:LIST}", "x[a, 1]"),
                Arguments.of("default when unset", "${env:UNSET:-fallback}", "fallback"),
                Arguments.of("typed default", "${env:UNSET:-42}", 42),
                Arguments.of("default not used when set", "${env:HOST:-fallback}", "collector.local"),
                Arguments.of("empty value is not unset", "${env:EMPTY:-fallback}", ""),
                Arguments.of("unset is empty string", "${env:UNSET}", ""),
                Arguments.of("escaped reference", "$${env:HOST}", "${env:HOST}"),
                Arguments.of("escaped dollar", "price: $$5", "price: $5"),
                Arguments.of("lone dollar", "a$b", "a$b"),
                Arguments.of("escape then reference", "$$$${env:HOST}", "$${env:HOST}"),
                Arguments.of("dollar before reference", "$$${env:HOST}", "$collector.local"),
                Arguments.of("nested default", "${env:UNSET:-${env:HOST}}", "collector.local"),
                Arguments.of("nested name", "${env:${env:NAME_OF_HOST}}", "collector.local"),
                Arguments.of("value not rescanned", "${env:TRICKY}", "${env:HOST}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expansions")
    void expandsReferences(String name, String value, Object expected) {
        env.putAll(Map.of("HOST", "collector.local", "PORT", "4317", "FLAG", "true", "LIST", "[a, 1]", "EMPTY", "",
                "NAME_OF_HOST", "HOST", "TRICKY", "\"${env:HOST}\""));
        assertThat(at(expandOne(value), "a")).isEqualTo(expected);
    }

    /** Resolves {@code a: <value>} with the value given verbatim (no YAML quoting games). */
    private Map<String, Object> expandOne(String value) {
        String cfg;
        try {
            cfg = file("e.yaml", "a: '" + value.replace("'", "''") + "'\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return resolve(List.of(cfg), List.of());
    }

    @Test
    void typedExpansionKeepsTheOriginalText() {
        env.put("TOKEN", "0123");
        env.put("PORT", "4317");
        ConfigResolver.Resolved r = resolver.resolve(List.of("yaml:a::port: ${env:PORT}", "yaml:a::token: ${env:TOKEN}"),
                List.of());
        assertThat(at(r.tree(), "a::port")).isEqualTo(4317);
        assertThat(r.sources().expandedText(List.of("a", "port"))).contains("4317");
        assertThat(at(r.tree(), "a::token")).isEqualTo("0123");
    }

    @Test
    void setValuesAreExpandedToo() {
        env.put("LEVEL", "detailed");
        assertThat(at(resolve(List.of("yaml:a: 1"), List.of("exporters::debug::verbosity=${env:LEVEL}")),
                "exporters::debug::verbosity")).isEqualTo("detailed");
    }

    @Test
    void unsetVariableIsWarnedAboutWithItsPlace() throws IOException {
        String cfg = file("w.yaml", "exporters:\n  otlp:\n    endpoint: ${env:OTLP_HOST}:4317\n");
        ConfigResolver.Resolved r = resolver.resolve(List.of(cfg), List.of());
        assertThat(at(r.tree(), "exporters::otlp::endpoint")).isEqualTo(":4317");
        assertThat(r.warnings()).containsExactly("Configuration references unset environment variable \"OTLP_HOST\" at "
                + "exporters::otlp::endpoint (" + cfg + ":3)");
    }

    @Test
    void fileReferenceWholeValueIsTypedAndKeepsItsOwnLines() throws IOException {
        String extra = file("extra.yaml", "# shared\nendpoint: gateway:4317\ntls:\n  insecure: true\n");
        String cfg = file("main.yaml", "exporters:\n  otlp: ${file:" + extra + "}\n");
        ConfigResolver.Resolved r = resolver.resolve(List.of(cfg), List.of());
        assertThat(at(r.tree(), "exporters::otlp")).isEqualTo(Map.of("endpoint", "gateway:4317",
                "tls", Map.of("insecure", true)));
        assertThat(r.sources().locate(List.of("exporters", "otlp", "tls", "insecure"))).isEqualTo(" (" + extra + ":4)");
        assertThat(r.sources().locate(List.of("exporters", "otlp"))).isEqualTo(" (" + cfg + ":2)");
    }

    @Test
    void fileReferenceEmbeddedIsItsText() throws IOException {
        String secret = file("secret", "s3cr3t");
        assertThat(at(resolve(List.of("yaml:a: Bearer ${file:" + secret + "}"), List.of()), "a"))
                .isEqualTo("Bearer s3cr3t");
    }

    static Stream<Arguments> expansionErrors() {
        return Stream.of(
                Arguments.of("${foo:bar}", "scheme \"foo\" is not supported for uri \"foo:bar\" (supported: env, file)"),
                Arguments.of("${HOST:-localhost}", "scheme \"HOST\" is not supported for uri \"HOST:-localhost\"; "
                        + "for a default value write ${env:HOST:-localhost}"),
                Arguments.of("x ${env:HOST", "unterminated \"${\" in \"x ${env:HOST\""),
                Arguments.of("${env:1HOST}", "environment variable \"1HOST\" has invalid name: must match regex "
                        + "^[a-zA-Z_][a-zA-Z0-9_]*$"),
                Arguments.of("${file:/no/such/file}", "cannot read file \"/no/such/file\": no such file"),
                Arguments.of("${env:A$$B}", "the uri \"env:A$$B\" contains unsupported characters ('$')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expansionErrors")
    void expansionErrorsNameTheKeyPathAndLine(String value, String problem) throws IOException {
        String cfg = file("x.yaml", "exporters:\n  otlp:\n    endpoint: '" + value + "'\n");
        assertThatThrownBy(() -> resolve(List.of(cfg), List.of())).isInstanceOf(ConfigException.class)
                .hasMessage("exporters::otlp::endpoint: " + problem + " (" + cfg + ":3)");
    }

    private static Map<String, Object> singletonNull(String key) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, null);
        return m;
    }
}
