package io.otelier.connector.forward.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.connector.Connector;
import io.otelier.api.connector.SignalPair;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardConnectorTest {

    private final ForwardConnectorFactory factory = new ForwardConnectorFactory();
    private final TestSettings settings = TestSettings.of(ComponentKind.CONNECTOR, "forward");
    private final RequestContext context = RequestContext.EMPTY.withPeerAddress("10.0.0.7:4317")
            .withMetadata(Map.of("X-Tenant", List.of("acme")));

    @Test
    void tracesLifecycle() throws Exception {
        Traces traces = new Traces();
        traces.resourceSpans().addNew().scopeSpans().addNew().spans().addNew().setName("span");
        runLifecycle(Signal.TRACES, traces);
    }

    @Test
    void metricsLifecycle() throws Exception {
        Metrics metrics = new Metrics();
        metrics.resourceMetrics().addNew().scopeMetrics().addNew().metrics().addNew().setName("m")
                .setEmptySum().dataPoints().addNew().setDoubleValue(2.5);
        runLifecycle(Signal.METRICS, metrics);
    }

    @Test
    void logsLifecycle() throws Exception {
        Logs logs = new Logs();
        logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew().setSeverityText("WARN");
        runLifecycle(Signal.LOGS, logs);
    }

    @Test
    void passesRefusalsBackUnchanged() throws Exception {
        SinkConsumer<Logs> sink = new SinkConsumer<>();
        Connector<Logs> connector = factory.create(SignalPair.of(Signal.LOGS, Signal.LOGS), settings.settings,
                factory.createDefaultConfig(), sink);
        PermanentException permanent = new PermanentException("bad data");
        sink.failWith(permanent);
        assertThatThrownBy(() -> connector.consume(context, new Logs())).isSameAs(permanent);
        RetryableException retryable = new RetryableException("backend down");
        sink.failWith(retryable);
        assertThatThrownBy(() -> connector.consume(context, new Logs())).isSameAs(retryable);
    }

    /**
     * create → start → consume → shutdown: the very same (read-only) batch and context arrive downstream, the
     * data unchanged, and no thread is left.
     */
    private <T extends Telemetry> void runLifecycle(Signal signal, T data) throws Exception {
        Telemetry expected = data.deepCopy();
        data.markReadOnly();
        SinkConsumer<T> sink = new SinkConsumer<>();

        Connector<T> connector = factory.create(SignalPair.of(signal, signal), settings.settings,
                factory.createDefaultConfig(), sink);
        Threads.assertNoneLeftBy(() -> {
            connector.start(new TestHost());
            connector.consume(context, data);
            connector.shutdown();
        });

        assertThat(connector.mutatesData()).isFalse();
        assertThat(sink.received()).hasSize(1);
        assertThat(sink.received().get(0)).isSameAs(data).isEqualTo(expected);
        assertThat(sink.contexts()).containsExactly(context);
    }
}
