package io.otelier.exporter.nop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NopExporterLifecycleTest {

    private final NopExporterFactory factory = new NopExporterFactory();
    private final CreateSettings settings = TestSettings.of(ComponentKind.EXPORTER, "nop").settings;

    @Test
    void traces() throws Exception {
        Traces traces = new Traces();
        traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew().setName("span");
        runLifecycle(factory.createTraces(settings, factory.createDefaultConfig()), traces);
    }

    @Test
    void metrics() throws Exception {
        Metrics metrics = new Metrics();
        metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("m")
                .setEmptyGauge().dataPoints().addNew().setIntValue(1);
        runLifecycle(factory.createMetrics(settings, factory.createDefaultConfig()), metrics);
    }

    @Test
    void logs() throws Exception {
        Logs logs = new Logs();
        logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew().setSeverityText("INFO");
        runLifecycle(factory.createLogs(settings, factory.createDefaultConfig()), logs);
    }

    /** create → start → consume → shutdown; the data must stay as it was and no thread may be left. */
    private static <T extends Telemetry> void runLifecycle(Exporter<T> exporter, T data) throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Telemetry expected = data.deepCopy();
        data.markReadOnly(); // shared data arrives read-only: dropping it must not touch it

        exporter.start(new TestHost());
        exporter.consume(RequestContext.EMPTY, data);
        exporter.consume(RequestContext.EMPTY, data);
        exporter.shutdown();

        assertThat(exporter.mutatesData()).isFalse();
        assertThat(data).isEqualTo(expected);
        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        assertThat(after).as("threads left behind").isEmpty();
    }
}
