package io.otelier.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Traces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterLifecycleTest {

    /** Records its lifecycle calls; "sends" on shutdown, reporting {@code reportOnShutdown} items to {@code obs}. */
    static final class FakeExporter implements Exporter<Traces> {
        final List<String> calls = new ArrayList<>();
        final RecordingObsReport obs = new RecordingObsReport();
        long reportOnShutdown;

        @Override
        public void start(Host host) {
            calls.add("start");
        }

        @Override
        public void consume(RequestContext context, Traces data) {
            calls.add("consume " + data.itemCount());
        }

        @Override
        public void shutdown() {
            calls.add("shutdown");
            obs.exporterSent(reportOnShutdown);
        }
    }

    @Test
    void startsConsumesOnceAndShutsDownOnReadOnlyData() throws Exception {
        FakeExporter exporter = new FakeExporter();
        Traces data = TestTelemetry.traces(3);

        ExporterLifecycle.run(exporter, data);

        assertThat(exporter.calls).containsExactly("start", "consume 3", "shutdown");
        assertThat(data).isEqualTo(TestTelemetry.traces(3));
        assertThatThrownBy(() -> data.resourceSpans().addNew()).as("handed over read-only")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void anExporterWritingTheDataFails() {
        Exporter<Traces> writer = (context, data) -> data.resourceSpans().get(0).scopeSpans().get(0).spans().get(0)
                .setName("renamed");

        assertThatThrownBy(() -> ExporterLifecycle.run(writer, TestTelemetry.traces(1)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aReportingExporterMustHaveSentEverythingWhenShutdownReturns() {
        FakeExporter drained = new FakeExporter();
        drained.reportOnShutdown = 2;
        FakeExporter lagging = new FakeExporter();
        lagging.reportOnShutdown = 1;

        assertThatCode(() -> ExporterLifecycle.run(drained, TestTelemetry.traces(2), drained.obs))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ExporterLifecycle.run(lagging, TestTelemetry.traces(2), lagging.obs))
                .isInstanceOf(AssertionError.class)
                .hasMessage("not drained before shutdown returned: 1 of 2 items sent");
    }
}
