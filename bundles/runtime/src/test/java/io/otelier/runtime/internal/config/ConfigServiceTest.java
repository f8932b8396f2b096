package io.otelier.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.runtime.internal.config.TestFactories.DebugConfig;
import io.otelier.runtime.internal.config.TestFactories.Grpc;
import io.otelier.runtime.internal.config.TestFactories.OtlpConfig;
import io.otelier.runtime.internal.config.TestFactories.Verbosity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigServiceTest {

    private static final String FULL = "src/test/resources/config/valid/full.yaml";
    private static final String OVERRIDE = "src/test/resources/config/valid/override.yaml";

    private static LoadedConfig load(List<String> configs, List<String> sets, Map<String, String> env) {
        return ConfigService.load(configs, sets, env::get, TestFactories.standard());
    }

    @Test
    void loadsACompleteConfig() {
        LoadedConfig loaded = load(List.of(FULL), List.of(), Map.of());
        CollectorConfig config = loaded.config();

        assertThat(config.receivers().keySet()).containsExactly(ComponentId.of("otlp"), ComponentId.of("nop"));
        Grpc grpc = ((OtlpConfig) config.receivers().get(ComponentId.of("otlp"))).protocols().grpc();
        assertThat(grpc.endpoint()).isEqualTo("0.0.0.0:4317");
        assertThat(grpc.keepalive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.exporters().get(ComponentId.of("debug"))).isEqualTo(new DebugConfig(Verbosity.DETAILED, 2, 1));
        assertThat(config.connectors().keySet()).containsExactly(ComponentId.of("count"), ComponentId.of("forward"));
        assertThat(config.service().extensions()).containsExactly(ComponentId.of("health_check"));
        assertThat(config.service().pipelines().keySet()).containsExactly(PipelineId.of(Signal.TRACES),
                new PipelineId(Signal.TRACES, "2"), PipelineId.of(Signal.METRICS));

        TelemetryConfig telemetry = config.service().telemetry();
        assertThat(telemetry.logs().level()).isEqualTo(Level.DEBUG);
        assertThat(telemetry.logs().encoding()).isEqualTo(TelemetryConfig.LogEncoding.JSON);
        assertThat(telemetry.metrics().level()).isEqualTo(MetricsLevel.DETAILED);
        assertThat(telemetry.metrics().prometheus()).contains(new TelemetryConfig.PrometheusReader("0.0.0.0", 9999));

        assertThat(loaded.warnings()).containsExactly("receivers::otlp: receiver type \"otlp\" is a deprecated alias of "
                + "\"otlp_grpc\"; use \"otlp_grpc\" instead (" + FULL + ":3)");
    }

    @Test
    void laterSourcesAndSetsOverride() {
        LoadedConfig loaded = load(List.of(FULL, OVERRIDE), List.of("exporters::debug::sampling_initial=9",
                "receivers::otlp::protocols::grpc::endpoint=${env:EP}"), Map.of("EP", "gateway:4317"));
        CollectorConfig config = loaded.config();
        assertThat(config.exporters().get(ComponentId.of("debug"))).isEqualTo(new DebugConfig(Verbosity.NORMAL, 9, 1));
        assertThat(config.service().pipelines().get(PipelineId.of(Signal.TRACES)).exporters())
                .containsExactly(ComponentId.of("nop"), ComponentId.of("count"), ComponentId.of("forward"));
        assertThat(((OtlpConfig) config.receivers().get(ComponentId.of("otlp"))).protocols().grpc().endpoint())
                .isEqualTo("gateway:4317");
    }

    @Test
    void rawTreeIsTheResolvedTreeReadOnly() {
        LoadedConfig loaded = load(List.of(FULL), List.of(), Map.of("OTLP_ENDPOINT", "h:1"));
        @SuppressWarnings("unchecked")
        Map<String, Object> grpc = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                loaded.raw().get("receivers")).get("otlp")).get("protocols")).get("grpc");
        assertThat(grpc).containsEntry("endpoint", "h:1");
        assertThatThrownBy(() -> loaded.raw().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> grpc.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void resolverWarningsComeFirst() {
        LoadedConfig loaded = load(List.of(FULL), List.of("exporters::debug::verbosity=${env:LEVEL}"),
                Map.of("LEVEL", "basic"));
        assertThat(loaded.warnings()).hasSize(1);
        LoadedConfig unset = load(List.of(FULL), List.of("receivers::otlp::protocols::grpc::endpoint=${env:NOPE}:4317"), Map.of());
        assertThat(unset.warnings()).hasSize(2).first().asString()
                .startsWith("Configuration references unset environment variable \"NOPE\"");
    }

    @Test
    void problemsWithoutAKeyOfTheirOwnAreNotBlamedOnTheLastSource() {
        assertThatThrownBy(() -> load(List.of("yaml:receivers: {nop: }", "yaml:exporters: {nop: }"),
                List.of("exporters::nop="), Map.of()))
                .hasMessage("service::pipelines: service must have at least one pipeline");
    }
}
