package io.otelier.connector.forward.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.connector.SignalPair;
import io.otelier.pdata.Metrics;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardConnectorFactoryTest {

    private final ForwardConnectorFactory factory = new ForwardConnectorFactory();

    @Test
    void identifiesAsUpstreamsForwardConnector() {
        assertThat(factory.kind()).isEqualTo(ComponentKind.CONNECTOR);
        assertThat(factory.type()).isEqualTo("forward");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.signalPairs()).isEqualTo(Map.of(
                SignalPair.of(Signal.TRACES, Signal.TRACES), Stability.BETA,
                SignalPair.of(Signal.METRICS, Signal.METRICS), Stability.BETA,
                SignalPair.of(Signal.LOGS, Signal.LOGS), Stability.BETA));
        assertThat(factory.unsupportedKeys()).isEmpty();
    }

    @Test
    void defaultConfigIsEmptyAndValid() {
        assertThat(factory.configClass()).isEqualTo(ForwardConnectorConfig.class);
        assertThat(ForwardConnectorConfig.class.getRecordComponents()).isEmpty();
        assertThatCode(factory.createDefaultConfig()::validate).doesNotThrowAnyException();
    }

    @Test
    void refusesToConnectDifferentSignals() {
        assertThatThrownBy(() -> factory.create(SignalPair.of(Signal.TRACES, Signal.METRICS),
                TestSettings.of(ComponentKind.CONNECTOR, "forward").settings, factory.createDefaultConfig(),
                new SinkConsumer<Metrics>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("forward connector does not support traces_to_metrics");
    }
}
