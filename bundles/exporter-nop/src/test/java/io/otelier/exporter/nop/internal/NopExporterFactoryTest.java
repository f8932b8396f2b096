package io.otelier.exporter.nop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NopExporterFactoryTest {

    private final NopExporterFactory factory = new NopExporterFactory();

    @Test
    void identifiesAsUpstreamsNopExporter() {
        assertThat(factory.kind()).isEqualTo(ComponentKind.EXPORTER);
        assertThat(factory.type()).isEqualTo("nop");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.signals()).isEqualTo(Map.of(
                Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA));
        assertThat(factory.unsupportedKeys()).isEmpty();
    }

    @Test
    void defaultConfigIsEmptyAndValid() {
        NopExporterConfig config = factory.createDefaultConfig();
        assertThat(factory.configClass()).isEqualTo(NopExporterConfig.class);
        assertThat(NopExporterConfig.class.getRecordComponents()).isEmpty();
        assertThatCode(config::validate).doesNotThrowAnyException();
    }
}
