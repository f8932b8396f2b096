package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.config.ConfigException;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.runtime.internal.config.TelemetryConfig.LogEncoding;
import io.otelier.runtime.internal.config.TelemetryConfig.PrometheusReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

    private static final String BASE = "yaml:receivers: {nop: }";

    private static ConfigLoader.Result load(String... yamlSources) {
        List<String> uris = new ArrayList<>(List.of(BASE));
        for (String s : yamlSources) {
            uris.add("yaml:" + s);
        }
        ConfigResolver.Resolved resolved = new ConfigResolver(name -> null).resolve(uris, List.of());
        return new ConfigLoader(TestFactories.standard(), resolved.sources()).load(resolved.tree());
    }

    private static TelemetryConfig telemetry(String yaml) {
        return load("service::telemetry: " + yaml).config().service().telemetry();
    }

    @Test
    void keepsIdsAndPipelinesInConfigOrder() {
        CollectorConfig config = load("exporters: {nop/b: , debug: , nop/a: }",
                "service::pipelines: {logs: {receivers: [nop], exporters: [nop/a]}, traces/x: {receivers: [nop], "
                        + "exporters: [debug]}}").config();
        assertThat(config.exporters().keySet()).extracting(ComponentId::toString).containsExactly("nop/b", "debug", "nop/a");
        assertThat(config.service().pipelines().keySet())
                .containsExactly(PipelineId.of(Signal.LOGS), new PipelineId(Signal.TRACES, "x"));
        assertThat(config.service().pipelines().get(PipelineId.of(Signal.LOGS)))
                .isEqualTo(new PipelineConfig(List.of(ComponentId.of("nop")), List.of(), List.of(ComponentId.parse("nop/a"))));
    }

    @Test
    void deprecatedAliasBindsWithTheFactoryAndWarnsOnce() {
        ConfigLoader.Result result = load("receivers: {otlp/in: {protocols: {grpc: }}}");
        assertThat(result.config().receivers()).containsKey(ComponentId.parse("otlp/in"));
        assertThat(result.warnings()).containsExactly("receivers::otlp/in: receiver type \"otlp\" is a deprecated alias "
                + "of \"otlp_grpc\"; use \"otlp_grpc\" instead (yaml:receivers: {otlp/in: {protocols: {grpc: }}})");
    }

    @Test
    void duplicateIdsAfterTrimmingAreErrors() {
        assertThatThrownBy(() -> load("exporters: {'nop': , ' nop': }"))
                .hasMessageStartingWith("exporters: duplicate id \"nop\"");
    }

    static Stream<Arguments> pipelineIds() {
        return Stream.of(
                Arguments.of("traces", PipelineId.of(Signal.TRACES)),
                Arguments.of("metrics/agent", new PipelineId(Signal.METRICS, "agent")),
                Arguments.of("logs/a.b-c", new PipelineId(Signal.LOGS, "a.b-c")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelineIds")
    void parsesPipelineIds(String text, PipelineId expected) {
        assertThat(PipelineId.parse(text)).isEqualTo(expected);
        assertThat(expected.toString()).isEqualTo(text);
    }

    static Stream<Arguments> badPipelineIds() {
        return Stream.of(
                Arguments.of("", "id must not be empty"),
                Arguments.of("/x", "in \"/x\" id: the part before / should not be empty"),
                Arguments.of("traces/", "in \"traces/\" id: the part after / should not be empty"),
                Arguments.of("traces/a b", "in \"traces/a b\" id: invalid character(s) in name \"a b\""),
                Arguments.of("spans", "pipeline \"spans\": unknown signal \"spans\" (valid values: [traces, metrics, logs])"),
                Arguments.of("profiles", "pipeline \"profiles\": the profiles signal is not supported by this distribution yet"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badPipelineIds")
    void rejectsBadPipelineIds(String text, String message) {
        assertThatThrownBy(() -> PipelineId.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    // ---- service::telemetry ----

    @Test
    void telemetryDefaultsAreUpstreams() {
        TelemetryConfig t = load().config().service().telemetry();
        assertThat(t).isEqualTo(TelemetryConfig.defaults());
        assertThat(t.logs()).isEqualTo(new TelemetryConfig.Logs(Level.INFO, LogEncoding.CONSOLE));
        assertThat(t.metrics().level()).isEqualTo(MetricsLevel.NORMAL);
        assertThat(t.metrics().prometheus()).contains(new PrometheusReader("localhost", 8888));
    }

    @Test
    void readsLogsMetricsAndResource() {
        TelemetryConfig t = telemetry("{logs: {level: WARN, encoding: json}, metrics: {level: basic, readers: "
                + "[{pull: {exporter: {prometheus: {host: '0.0.0.0', port: 9090}}}}]}, resource: {service.name: gw, "
                + "host.name: }}");
        assertThat(t.logs()).isEqualTo(new TelemetryConfig.Logs(Level.WARN, LogEncoding.JSON));
        assertThat(t.metrics().level()).isEqualTo(MetricsLevel.BASIC);
        assertThat(t.metrics().readers()).containsExactly(new PrometheusReader("0.0.0.0", 9090));
        assertThat(t.resource()).containsEntry("service.name", "gw").containsEntry("host.name", null);
    }

    @Test
    void levelNoneNeedsNoReader() {
        TelemetryConfig t = telemetry("{metrics: {level: none, readers: []}}");
        assertThat(t.metrics().level()).isEqualTo(MetricsLevel.NONE);
        assertThat(t.metrics().prometheus()).isEmpty();
    }

    static Stream<Arguments> telemetryErrors() {
        return Stream.of(
                Arguments.of("{logs: {level: verbose}}",
                        "service::telemetry::logs::level: unknown value \"verbose\" (valid: debug, info, warn, error)"),
                Arguments.of("{logs: {encoding: text}}",
                        "service::telemetry::logs::encoding: unknown value \"text\" (valid: console, json)"),
                Arguments.of("{logs: {output_paths: [stdout]}}",
                        "service::telemetry::logs::output_paths: is not supported by this distribution yet"),
                Arguments.of("{logs: {levle: info}}",
                        "service::telemetry::logs::levle: unknown key (valid keys: level, encoding)"),
                Arguments.of("{traces: {level: none}}",
                        "service::telemetry::traces: is not supported by this distribution yet"),
                Arguments.of("{metrics: {level: loud}}", "service::telemetry::metrics::level: unknown value \"loud\" "
                        + "(valid: none, basic, normal, detailed)"),
                Arguments.of("{metrics: {readers: []}}",
                        "service::telemetry: collector telemetry metrics reader should exist when metric level is not none"),
                Arguments.of("{metrics: {views: []}}",
                        "service::telemetry::metrics::views: is not supported by this distribution yet"),
                Arguments.of("{metrics: {address: ':8888'}}", "service::telemetry::metrics::address: unknown key "
                        + "(upstream replaced it with readers: [{pull: {exporter: {prometheus: {host: …, port: …}}}}])"),
                Arguments.of("{metrics: {readers: [{periodic: {interval: 1000}}]}}",
                        "service::telemetry::metrics::readers::0::periodic: is not supported by this distribution yet"),
                Arguments.of("{metrics: {readers: [{pull: {exporter: {otlp: {}}}}]}}",
                        "service::telemetry::metrics::readers::0::pull::exporter::otlp: is not supported by this "
                                + "distribution yet"),
                Arguments.of("{metrics: {readers: [{pull: {exporter: {prometheus: {host: h, port: 1, without_units: true}}}}]}}",
                        "service::telemetry::metrics::readers::0::pull::exporter::prometheus::without_units: is not "
                                + "supported by this distribution yet"),
                Arguments.of("{metrics: {readers: [{pull: {exporter: {prometheus: {port: 1}}}}]}}",
                        "service::telemetry::metrics::readers::0::pull::exporter::prometheus: host must be specified"),
                Arguments.of("{metrics: {readers: [{pull: {exporter: {prometheus: {host: h}}}}]}}",
                        "service::telemetry::metrics::readers::0::pull::exporter::prometheus: port must be specified"),
                Arguments.of("{metrics: {readers: [{pull: {exporter: {prometheus: {host: h, port: '80'}}}}]}}",
                        "service::telemetry::metrics::readers::0::pull::exporter::prometheus::port: expected an integer, "
                                + "got \"80\""),
                Arguments.of("{metrics: {readers: [{pull: {exporter: {prometheus: {host: h, port: 70000}}}}]}}",
                        "service::telemetry::metrics::readers::0::pull::exporter::prometheus::port: port 70000 is out "
                                + "of range (0-65535)"),
                Arguments.of("{resource: {a: 1}}", "service::telemetry::resource::a: expected a string, got 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("telemetryErrors")
    void rejectsBadTelemetry(String yaml, String message) {
        assertThatThrownBy(() -> telemetry(yaml)).isInstanceOf(ConfigException.class)
                .hasMessage(message + " (yaml:service::telemetry: " + abbreviated(yaml) + ")");
    }

    /** Inline sources are named by their text, cut at 60 characters. */
    private static String abbreviated(String yaml) {
        String uri = "yaml:service::telemetry: " + yaml;
        return (uri.length() <= 60 ? uri : uri.substring(0, 57) + "...").substring("yaml:service::telemetry: ".length());
    }

    @Test
    void sectionsMustBeMapsAndListsWhereExpected() {
        assertThatThrownBy(() -> load("exporters: [nop]")).hasMessageStartingWith("exporters: expected a map, got a list");
        assertThatThrownBy(() -> load("service: {extensions: health_check}"))
                .hasMessageStartingWith("service::extensions: expected a list, got \"health_check\"");
        assertThatThrownBy(() -> load("service::pipelines::traces::receivers: [{a: 1}]"))
                .hasMessageStartingWith("service::pipelines::traces::receivers::0: expected a string, got a map");
        assertThatThrownBy(() -> load("service::pipelines::traces::receivers: ['1x']"))
                .hasMessageStartingWith("service::pipelines::traces::receivers::0: invalid id \"1x\": invalid character(s)"
                        + " in type \"1x\"");
    }

    @Test
    void rawTreeIsNotTouched() {
        Map<String, Object> tree = new ConfigResolver(n -> null).resolve(List.of(BASE), List.of()).tree();
        new ConfigLoader(TestFactories.standard(), SourceMap.empty()).load(tree);
        assertThat(tree).isEqualTo(Map.of("receivers", java.util.Collections.singletonMap("nop", null)));
    }
}
