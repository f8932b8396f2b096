package io.otelier.helper.exporter;

import static io.otelier.helper.exporter.internal.TestData.traces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Traces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts a helped exporter's factory answers, and the exporter {@code helped} builds. */
class HelpedExporterFactoryTest extends HelperFixture {

    record SketchConfig(QueueSettings sendingQueue, Duration timeout) implements ComponentConfig {
    }

    /** A traces-only exporter weighing each request 100 bytes. */
    final class SketchFactory extends HelpedExporterFactory<SketchConfig> {
        final RecordingSender sender = RecordingSender.gated();

        SketchFactory(String deprecatedType) {
            super("sketch", deprecatedType, SketchConfig.class, Map.of(Signal.TRACES, Stability.ALPHA),
                    List.of("auth", "tls::reload_interval"));
        }

        @Override
        public SketchConfig createDefaultConfig() {
            return new SketchConfig(QueueSettings.defaults(), TimeoutSettings.DEFAULT_TIMEOUT);
        }

        @Override
        public Exporter<Traces> createTraces(CreateSettings settings, SketchConfig config) {
            return track(helped(settings, Signal.TRACES, config.sendingQueue(), RetrySettings.disabled(),
                    TimeoutSettings.of(config.timeout()), sender, t -> 100L));
        }
    }

    @Test
    void answersTheFactsItWasGivenAndTheHelpersUnsupportedKeys() {
        SketchFactory factory = new SketchFactory("old_sketch");

        assertThat(factory.kind()).isEqualTo(ComponentKind.EXPORTER);
        assertThat(factory.type()).isEqualTo("sketch");
        assertThat(factory.deprecatedType()).contains("old_sketch");
        assertThat(factory.configClass()).isEqualTo(SketchConfig.class);
        assertThat(factory.signals()).isEqualTo(Map.of(Signal.TRACES, Stability.ALPHA));
        assertThat(factory.unsupportedKeys()).containsExactlyInAnyOrder("auth", "tls::reload_interval",
                "sending_queue::batch", "sending_queue::storage");
        assertThat(new SketchFactory(null).deprecatedType()).isEmpty();
    }

    @Test
    void signalsItDoesNotMakeAreRefused() {
        SketchFactory factory = new SketchFactory(null);

        assertThatThrownBy(() -> factory.createLogs(settings, factory.createDefaultConfig()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("sketch does not support logs");
    }

    @Test
    void helpedPutsTheSenderBehindTheConfiguredChain() throws Exception {
        SketchFactory factory = new SketchFactory(null);
        SketchConfig config = new SketchConfig(queue(1, 250).withSizer(QueueSettings.SIZER_BYTES), Duration.ZERO);
        Exporter<Traces> exporter = factory.createTraces(settings, config);

        assertThat(exporter).isInstanceOf(HelpedExporter.class);
        assertThat(exporter.reportsSends()).isTrue();
        exporter.start(host);
        exporter.consume(RequestContext.EMPTY, traces("a", 1));
        exporter.consume(RequestContext.EMPTY, traces("b", 1));
        assertThat(((HelpedExporter<Traces>) exporter).queueSize()).as("weighed by the bytes sizer").isEqualTo(200);
        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, traces("c", 1)))
                .hasMessage("sending queue is full");

        factory.sender.gate.countDown();
        exporter.shutdown();
        assertThat(factory.sender.started).isTrue();
        assertThat(report.sent).as("drained at shutdown").hasValue(2);
        assertThat(factory.sender.timeouts()).as("timeout 0: no limit").containsOnlyNulls();
    }
}
