package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DebugExporterFactoryTest {

    private final DebugExporterFactory factory = new DebugExporterFactory();

    @Test
    void identifiesAsUpstreamsDebugExporter() {
        assertThat(factory.kind()).isEqualTo(ComponentKind.EXPORTER);
        assertThat(factory.type()).isEqualTo("debug");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.signals()).isEqualTo(Map.of(
                Signal.TRACES, Stability.ALPHA, Signal.METRICS, Stability.ALPHA, Signal.LOGS, Stability.ALPHA));
        assertThat(factory.configClass()).isEqualTo(DebugExporterConfig.class);
        assertThat(factory.createDefaultConfig()).isEqualTo(DebugExporterConfig.defaults());
    }

    /** Every key of upstream's config (config.go, v0.165) is either bound or declared unsupported. */
    @Test
    void recognisesExactlyUpstreamsKeys() {
        Set<String> bound = Stream.of(DebugExporterConfig.class.getRecordComponents())
                .map(RecordComponent::getName)
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase())
                .collect(Collectors.toSet());
        assertThat(bound).containsExactlyInAnyOrder(
                "verbosity", "sampling_initial", "sampling_thereafter", "use_internal_logger", "output_paths");
        assertThat(factory.unsupportedKeys()).containsExactly("sending_queue");
    }
}
