package io.otelier.exporter.otlp.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.exporter.Exporter;
import io.otelier.helper.exporter.HelpedExporter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, stability and what the factory makes, as upstream's metadata.yaml for v0.165 says. */
class OtlpGrpcExporterFactoryTest {

    private final OtlpGrpcExporterFactory factory = new OtlpGrpcExporterFactory();
    private final Fixture f = new Fixture();

    @Test
    void typeAliasAndStabilityAreUpstreams() {
        assertThat(factory.kind()).isEqualTo(ComponentKind.EXPORTER);
        assertThat(factory.type()).isEqualTo("otlp_grpc");
        assertThat(factory.deprecatedType()).contains("otlp");
        assertThat(factory.signals()).isEqualTo(Map.of(Signal.TRACES, Stability.STABLE, Signal.METRICS,
                Stability.STABLE, Signal.LOGS, Stability.STABLE));
        assertThat(factory.configClass()).isEqualTo(OtlpGrpcExporterConfig.class);
    }

    @Test
    void keysNotImplementedYetAreDeclared() {
        assertThat(factory.unsupportedKeys()).contains("auth", "middlewares", "dialer_middleware",
                "tls::reload_interval", "sending_queue::batch", "sending_queue::storage");
    }

    @Test
    void everySignalGetsAHelpedExporterThatReportsItsOwnSends() throws Exception {
        var config = Fixture.config("127.0.0.1:4317").build();
        List<Exporter<?>> exporters = List.of(factory.createTraces(f.settings, config),
                factory.createMetrics(f.settings, config), factory.createLogs(f.settings, config));

        assertThat(exporters).allSatisfy(e -> {
            assertThat(e).isInstanceOf(HelpedExporter.class);
            assertThat(e.reportsSends()).isTrue();
            assertThat(e.mutatesData()).isFalse();
            assertThat(((HelpedExporter<?>) e).queueCapacity()).isEqualTo(1000);
        });
    }
}
