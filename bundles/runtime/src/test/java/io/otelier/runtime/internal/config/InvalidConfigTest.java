package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid fixture per rule (src/test/resources/config/invalid), loaded through {@link ConfigService}; the
 * whole message is asserted, {@code {f}} standing for the fixture's path.
 */
class InvalidConfigTest {

    private static final String DIR = "src/test/resources/config/invalid/";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                // otelcol/config.go
                Arguments.of("empty.yaml", "empty configuration file"),
                Arguments.of("no-receivers.yaml", "no receiver configuration specified in config"),
                Arguments.of("no-exporters.yaml", "no exporter configuration specified in config"),
                Arguments.of("connector-id-is-exporter.yaml", "connectors::nop: ambiguous ID: Found both \"nop\" exporter"
                        + " and \"nop\" connector. Change one of the components' IDs to eliminate ambiguity (e.g. rename"
                        + " \"nop\" connector to \"nop/connector\") ({f}:6)"),
                Arguments.of("connector-id-is-receiver.yaml", "connectors::nop: ambiguous ID: Found both \"nop\" receiver"
                        + " and \"nop\" connector. Change one of the components' IDs to eliminate ambiguity (e.g. rename"
                        + " \"nop\" connector to \"nop/connector\") ({f}:6)"),
                Arguments.of("extension-not-configured.yaml",
                        "service::extensions: references extension \"pprof\" which is not configured ({f}:10)"),
                Arguments.of("undefined-receiver.yaml",
                        "service::pipelines::traces: references receiver \"otlp/2\" which is not configured ({f}:10)"),
                Arguments.of("undefined-processor.yaml", "service::pipelines::metrics: references processor"
                        + " \"memory_limiter\" which is not configured ({f}:11)"),
                Arguments.of("undefined-exporter.yaml",
                        "service::pipelines::logs: references exporter \"debug\" which is not configured ({f}:10)"),
                // service/pipelines/config.go
                Arguments.of("no-pipelines.yaml", "service::pipelines: service must have at least one pipeline ({f}:6)"),
                Arguments.of("pipeline-without-receivers.yaml",
                        "service::pipelines::traces: must have at least one receiver ({f}:7)"),
                Arguments.of("pipeline-without-exporters.yaml",
                        "service::pipelines::traces/out: must have at least one exporter ({f}:10)"),
                Arguments.of("duplicate-processor.yaml",
                        "service::pipelines::traces: references processor \"batch\" multiple times ({f}:13)"),
                Arguments.of("invalid-pipeline-id.yaml", "service::pipelines: pipeline \"spans\": unknown signal"
                        + " \"spans\" (valid values: [traces, metrics, logs]) ({f}:7)"),
                // service/internal/graph
                Arguments.of("connector-only-exporter.yaml", "service::pipelines: connector \"forward\" used as exporter"
                        + " in [traces] pipeline but not used in any supported receiver pipeline ({f}:11)"),
                Arguments.of("connector-only-receiver.yaml", "service::pipelines: connector \"forward\" used as receiver"
                        + " in [logs] pipeline but not used in any supported exporter pipeline ({f}:13)"),
                Arguments.of("connector-signal-mismatch.yaml", "service::pipelines: connector \"count\" used as exporter"
                        + " in [traces] pipeline but not used in any supported receiver pipeline ({f}:12)"),
                Arguments.of("connector-cycle.yaml", "service::pipelines: cycle detected: connector \"forward\""
                        + " (traces to traces) -> processor \"batch\" in pipeline \"traces/loop\" -> connector \"forward\""
                        + " (traces to traces) ({f}:10)"),
                Arguments.of("receiver-signal.yaml",
                        "service::pipelines::logs: receiver \"zipkin\" does not support logs (supported: traces) ({f}:8)"),
                Arguments.of("processor-signal.yaml", "service::pipelines::metrics: processor \"tracesonly\" does not"
                        + " support metrics (supported: traces) ({f}:11)"),
                Arguments.of("exporter-signal.yaml", "service::pipelines::metrics/app: exporter \"jaegerish\" does not"
                        + " support metrics (supported: traces) ({f}:9)"),
                // strict structure and binding
                Arguments.of("top-level-unknown-key.yaml", "receiverz: unknown key (valid keys: receivers, processors,"
                        + " exporters, connectors, extensions, service) ({f}:1)"),
                Arguments.of("service-unknown-key.yaml",
                        "service::pipeline: unknown key (valid keys: extensions, pipelines, telemetry) ({f}:6)"),
                Arguments.of("pipeline-unknown-key.yaml", "service::pipelines::traces::receiverz: unknown key"
                        + " (valid keys: receivers, processors, exporters) ({f}:8)"),
                Arguments.of("unknown-type.yaml", "receivers: unknown type \"hostmetrics\" for id \"hostmetrics\""
                        + " (valid values: [nop, otlp_grpc, zipkin]): the receiver \"hostmetrics\" is not part of this"
                        + " distribution ({f}:2)"),
                Arguments.of("invalid-id.yaml", "exporters: invalid id \"nop/\": name part must be specified after '/'"
                        + " in id \"nop/\" ({f}:4)"),
                Arguments.of("config_verbosity_typo.yaml", "exporters::debug::verbositty: unknown key (valid keys:"
                        + " sampling_initial, sampling_thereafter, verbosity) ({f}:5)"),
                Arguments.of("telemetry-unsupported.yaml",
                        "service::telemetry::logs::sampling: is not supported by this distribution yet ({f}:9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsTheBrokenRule(String fixture, String expected) {
        String file = DIR + fixture;
        assertThatThrownBy(() -> ConfigService.load(List.of(file), List.of(), Map.<String, String>of()::get,
                TestFactories.standard()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(expected.replace("{f}", file));
    }
}
