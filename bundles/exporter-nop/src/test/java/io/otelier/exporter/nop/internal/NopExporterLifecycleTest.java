package io.otelier.exporter.nop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.TestTelemetry;
import io.otelier.testkit.Threads;
import org.junit.jupiter.api.Test;

class NopExporterLifecycleTest {

    private final NopExporterFactory factory = new NopExporterFactory();
    private final CreateSettings settings = TestSettings.of(ComponentKind.EXPORTER, "nop").settings;

    @Test
    void traces() throws Exception {
        runLifecycle(factory.createTraces(settings, factory.createDefaultConfig()), TestTelemetry.traces(1));
    }

    @Test
    void metrics() throws Exception {
        runLifecycle(factory.createMetrics(settings, factory.createDefaultConfig()), TestTelemetry.metrics());
    }

    @Test
    void logs() throws Exception {
        runLifecycle(factory.createLogs(settings, factory.createDefaultConfig()), TestTelemetry.logs());
    }

    /** create → start → consume → shutdown; the data must stay as it was and no thread may be left. */
    private static <T extends Telemetry> void runLifecycle(Exporter<T> exporter, T data) throws Exception {
        Telemetry expected = data.deepCopy();
        data.markReadOnly(); // shared data arrives read-only: dropping it must not touch it

        Threads.assertNoneLeftBy(() -> {
            exporter.start(new TestHost());
            exporter.consume(RequestContext.EMPTY, data);
            exporter.consume(RequestContext.EMPTY, data);
            exporter.shutdown();
        });

        assertThat(exporter.mutatesData()).isFalse();
        assertThat(data).isEqualTo(expected);
    }
}
