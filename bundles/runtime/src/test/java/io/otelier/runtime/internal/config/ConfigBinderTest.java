package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.runtime.internal.config.TestFactories.BatchConfig;
import io.otelier.runtime.internal.config.TestFactories.DebugConfig;
import io.otelier.runtime.internal.config.TestFactories.Grpc;
import io.otelier.runtime.internal.config.TestFactories.Header;
import io.otelier.runtime.internal.config.TestFactories.OtlpConfig;
import io.otelier.runtime.internal.config.TestFactories.Verbosity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigBinderTest {

    private static final FactoryLookup FACTORIES = TestFactories.standard();

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private String lastFile;

    /** Writes {@code yaml} to a file, resolves it and binds the section at kind/id. */
    @SuppressWarnings("unchecked")
    private <C extends ComponentConfig> C bind(ComponentKind kind, String id, String yaml) {
        try {
            lastFile = dir.resolve("c.yaml").toString();
            Files.writeString(Path.of(lastFile), yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(env::get).resolve(List.of(lastFile), List.of());
        Object raw = ((Map<String, Object>) resolved.tree().getOrDefault(kind.section(), Map.of())).get(id);
        Factory<C> factory = (Factory<C>) FACTORIES.find(kind, id.split("/")[0]).orElseThrow();
        return new ConfigBinder(resolved.sources()).bind(List.of(kind.section(), id), factory, raw);
    }

    private BatchConfig batch(String body) {
        return bind(ComponentKind.PROCESSOR, "batch", "processors:\n  batch:\n" + body.indent(4));
    }

    private OtlpConfig otlp(String body) {
        return bind(ComponentKind.RECEIVER, "otlp", "receivers:\n  otlp:\n" + body.indent(4));
    }

    // ---- defaults ----

    @Test
    void keepsDefaultsForKeysTheUserLeavesOut() {
        assertThat(batch("timeout: 1s")).isEqualTo(new BatchConfig(Duration.ofSeconds(1), 8192, 0, List.of("tenant"),
                Map.of("a", "1")));
    }

    @Test
    void nullOrMissingSectionMeansDefaults() {
        BatchConfig absent = bind(ComponentKind.PROCESSOR, "batch", "processors:\n  batch:\n");
        assertThat(absent).isEqualTo(BatchConfig.defaults());
        @SuppressWarnings("unchecked")
        Factory<DebugConfig> debug = (Factory<DebugConfig>) FACTORIES.find(ComponentKind.EXPORTER, "debug").orElseThrow();
        DebugConfig bound = new ConfigBinder(SourceMap.empty()).bind(List.of("exporters", "debug"), debug, null);
        assertThat(bound).isEqualTo(DebugConfig.defaults());
    }

    @Test
    void nullValueKeepsTheDefault() {
        assertThat(batch("send_batch_size:\ntimeout: 2s").sendBatchSize()).isEqualTo(8192);
    }

    @Test
    void listsReplaceAndMapsMerge() {
        BatchConfig config = batch("metadata_keys: [x]\nlabels:\n  b: '2'");
        assertThat(config.metadataKeys()).containsExactly("x");
        assertThat(config.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    }

    @Test
    void bareSectionTurnsAnOffSectionOnWithItsDefaults() {
        OtlpConfig config = otlp("protocols:\n  grpc:\n");
        assertThat(config.protocols().grpc()).isEqualTo(Grpc.defaults());
        assertThat(config.protocols().http()).isNull();
    }

    @Test
    void writtenSectionStartsFromItsDefaults() {
        Grpc grpc = otlp("protocols:\n  grpc:\n    endpoint: 0.0.0.0:4317\n  http: {}").protocols().grpc();
        assertThat(grpc).isEqualTo(new Grpc("0.0.0.0:4317", Duration.ofSeconds(30), 4, List.of()));
        assertThat(otlp("protocols:\n  http: {}").protocols().http().endpoint()).isEqualTo("localhost:4318");
    }

    @Test
    void listElementsStartFromTheirTypeDefaults() {
        Grpc grpc = otlp("protocols:\n  grpc:\n    headers:\n      - name: a\n      - {name: b, value: c}").protocols()
                .grpc();
        assertThat(grpc.headers()).containsExactly(new Header("a", "unset"), new Header("b", "c"));
    }

    @Test
    void helperMethodsOfAConfigAreNotKeys() {
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug:\n    detailed: true\n"))
                .hasMessageStartingWith("exporters::debug::detailed: unknown key");
    }

    // ---- durations ----

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of("1m30s", Duration.ofSeconds(90)),
                Arguments.of("250ms", Duration.ofMillis(250)),
                Arguments.of("1us", Duration.ofNanos(1000)),
                Arguments.of("5", Duration.ofNanos(5)), // a bare integer is nanoseconds, as Go's time.Duration
                Arguments.of("'0'", Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void bindsGoDurations(String yaml, Duration expected) {
        assertThat(batch("timeout: " + yaml).timeout()).isEqualTo(expected);
    }

    // ---- errors ----

    @Test
    void unknownKeyNamesItsFullPathValidKeysAndLine() {
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", """
                exporters:
                  debug:
                    verbositty: detailed
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("exporters::debug::verbositty: unknown key (valid keys: sampling_initial, "
                        + "sampling_thereafter, verbosity) (" + lastFile + ":3)");
    }

    @Test
    void unknownNestedKeyNamesItsFullPath() {
        assertThatThrownBy(() -> otlp("protocols:\n  grpc:\n    endpointt: x:1"))
                .hasMessage("receivers::otlp::protocols::grpc::endpointt: unknown key (valid keys: endpoint, headers, "
                        + "keepalive, max_recv_msg_size_mib) (" + lastFile + ":5)");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("send_batch_size: abc", "send_batch_size: expected an integer, got \"abc\""),
                Arguments.of("send_batch_size: '100'", "send_batch_size: expected an integer, got \"100\""),
                Arguments.of("send_batch_size: 1.5", "send_batch_size: expected an integer, got 1.5"),
                Arguments.of("send_batch_size: 99999999999", "send_batch_size: expected an integer, got 99999999999 "
                        + "(out of range)"),
                Arguments.of("send_batch_size: true", "send_batch_size: expected an integer, got true"),
                Arguments.of("metadata_keys: {a: 1}", "metadata_keys: expected a list, got a map"),
                Arguments.of("metadata_keys: a", "metadata_keys: expected a list, got \"a\""),
                Arguments.of("metadata_keys: [1]", "metadata_keys::0: expected a string, got 1"),
                Arguments.of("labels: [a]", "labels: expected a map, got a list"),
                Arguments.of("labels: {b: 2}", "labels::b: expected a string, got 2"),
                Arguments.of("timeout: true", "timeout: expected a duration such as \"5s\", got true"),
                Arguments.of("timeout: 5x", "timeout: unknown unit \"x\" in duration \"5x\" (valid units: ns, us, ms, "
                        + "s, m, h)"),
                Arguments.of("timeout: 10", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void wrongTypesAreErrorsNamingPathAndValue(String yaml, String problem) {
        if (problem == null) {
            assertThat(batch(yaml).timeout()).isEqualTo(Duration.ofNanos(10));
            return;
        }
        assertThatThrownBy(() -> batch(yaml)).isInstanceOf(ConfigException.class)
                .hasMessage("processors::batch::" + problem + " (" + lastFile + ":3)");
    }

    @Test
    void enumValuesAreCheckedAndListed() {
        DebugConfig detailed = bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug:\n    verbosity: Detailed\n");
        assertThat(detailed).isEqualTo(new DebugConfig(Verbosity.DETAILED, 2, 1));
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug:\n    verbosity: loud\n"))
                .hasMessage("exporters::debug::verbosity: unknown value \"loud\" (valid: basic, normal, detailed) ("
                        + lastFile + ":3)");
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug:\n    verbosity: 1\n"))
                .hasMessageStartingWith("exporters::debug::verbosity: expected one of basic, normal, detailed, got 1");
    }

    @Test
    void sectionMustBeAMap() {
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug: [1]\n"))
                .hasMessage("exporters::debug: expected a map, got a list (" + lastFile + ":2)");
        assertThatThrownBy(() -> otlp("protocols: grpc"))
                .hasMessage("receivers::otlp::protocols: expected a map, got \"grpc\" (" + lastFile + ":3)");
    }

    @Test
    void numberForAStringFieldIsAnError() {
        assertThatThrownBy(() -> otlp("protocols:\n  grpc:\n    endpoint: 4317"))
                .hasMessage("receivers::otlp::protocols::grpc::endpoint: expected a string, got 4317 (" + lastFile
                        + ":5)");
    }

    @Test
    void wholeValueReferenceKeepsItsTextForStringFields() {
        env.put("TOKEN", "0123");
        env.put("NUMERIC", "4317");
        Grpc grpc = otlp("protocols:\n  grpc:\n    headers:\n      - name: ${env:NUMERIC}\n        value: ${env:TOKEN}")
                .protocols().grpc();
        assertThat(grpc.headers()).containsExactly(new Header("4317", "0123"));
    }

    @Test
    void unsupportedKeysAreRejectedAsSuch() {
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug:\n    use_internal_logger: false\n"))
                .hasMessage("exporters::debug::use_internal_logger: is not supported by this distribution yet ("
                        + lastFile + ":3)");
        assertThatThrownBy(() -> otlp("protocols:\n  grpc:\n    auth:\n      authenticator: x"))
                .hasMessage("receivers::otlp::protocols::grpc::auth: is not supported by this distribution yet ("
                        + lastFile + ":5)");
    }

    @Test
    void validateProblemsArePrefixedWithTheComponentPath() {
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "debug", "exporters:\n  debug:\n    sampling_initial: -1\n"))
                .hasMessage("exporters::debug::sampling_initial: must not be negative, got -1 (" + lastFile + ":3)");
        assertThatThrownBy(() -> batch("send_batch_max_size: 10"))
                .hasMessage("processors::batch::send_batch_max_size: must be greater or equal to send_batch_size ("
                        + lastFile + ":3)");
    }

    @Test
    void nestedSectionsAreValidatedWithTheirPath() {
        assertThatThrownBy(() -> otlp("protocols:\n  grpc:\n    endpoint: nohost"))
                .hasMessage("receivers::otlp::protocols::grpc::endpoint: missing port in address \"nohost\" (" + lastFile
                        + ":5)");
    }

    @Test
    void problemsRaisedWhileConstructingAreReportedAtTheirPath() {
        assertThatThrownBy(() -> bind(ComponentKind.PROCESSOR, "checked", "processors:\n  checked:\n    workers: 100\n"))
                .hasMessage("processors::checked::workers: at most 64 workers, got 100 (" + lastFile + ":3)");
    }

    @Test
    void emptyConfigRecordsBind() {
        assertThat((Object) bind(ComponentKind.EXPORTER, "nop", "exporters:\n  nop:\n"))
                .isEqualTo(new TestFactories.EmptyConfig());
        assertThatThrownBy(() -> bind(ComponentKind.EXPORTER, "nop", "exporters:\n  nop:\n    x: 1\n"))
                .hasMessage("exporters::nop::x: unknown key (" + lastFile + ":3)");
    }
}
