package io.otelier.exporter.debug.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import org.junit.jupiter.api.Test;

/** create → start → consume → shutdown for each signal, at detailed verbosity, on shared (read-only) data. */
class DebugExporterLifecycleTest {

    private final DebugExporterTest.Capture stdout = new DebugExporterTest.Capture();
    private final DebugExporterFactory factory = new DebugExporterFactory(() -> stdout.stream, () -> stdout.stream);
    private final TestSettings settings = TestSettings.of(ComponentKind.EXPORTER, "debug/detailed");
    private final DebugExporterConfig detailed = new DebugExporterConfig("detailed", 2, 1, true, null);

    @Test
    void traces() throws Exception {
        runLifecycle(factory.createTraces(settings.settings, detailed), GoldenData.traces(), "Traces {");
    }

    @Test
    void metrics() throws Exception {
        runLifecycle(factory.createMetrics(settings.settings, detailed), GoldenData.metrics(), "Metrics {");
    }

    @Test
    void logs() throws Exception {
        runLifecycle(factory.createLogs(settings.settings, detailed), GoldenData.logs(), "Logs {");
    }

    private <T extends Telemetry> void runLifecycle(Exporter<T> exporter, T data, String summaryStart)
            throws Exception {
        Telemetry expected = data.deepCopy();
        data.markReadOnly(); // fanned-out data is shared: printing must only read it

        Threads.assertNoneLeftBy(() -> {
            exporter.start(new TestHost());
            exporter.consume(RequestContext.EMPTY, data);
            exporter.shutdown();
        });

        assertThat(exporter.mutatesData()).isFalse();
        assertThat(data).isEqualTo(expected);
        assertThat(stdout.text()).startsWith(summaryStart).contains("\nResource");
    }
}
