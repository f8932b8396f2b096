package io.otelier.receiver.nop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NopReceiverFactoryTest {

    private final NopReceiverFactory factory = new NopReceiverFactory();

    @Test
    void identifiesAsUpstreamsNopReceiver() {
        assertThat(factory.kind()).isEqualTo(ComponentKind.RECEIVER);
        assertThat(factory.type()).isEqualTo("nop");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.signals()).isEqualTo(Map.of(
                Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA));
        assertThat(factory.unsupportedKeys()).isEmpty();
    }

    @Test
    void defaultConfigIsEmptyAndValid() {
        assertThat(factory.configClass()).isEqualTo(NopReceiverConfig.class);
        assertThat(NopReceiverConfig.class.getRecordComponents()).isEmpty();
        assertThatCode(factory.createDefaultConfig()::validate).doesNotThrowAnyException();
    }
}
