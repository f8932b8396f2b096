package io.otelier.receiver.nop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.receiver.Receiver;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import io.otelier.testkit.Threads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NopReceiverLifecycleTest {

    private final NopReceiverFactory factory = new NopReceiverFactory();
    private final TestSettings settings = TestSettings.of(ComponentKind.RECEIVER, "nop");

    @Test
    void traces() throws Exception {
        SinkConsumer<Traces> sink = new SinkConsumer<>();
        runLifecycle(factory.createTraces(settings.settings, factory.createDefaultConfig(), sink), sink);
    }

    @Test
    void metrics() throws Exception {
        SinkConsumer<Metrics> sink = new SinkConsumer<>();
        runLifecycle(factory.createMetrics(settings.settings, factory.createDefaultConfig(), sink), sink);
    }

    @Test
    void logs() throws Exception {
        SinkConsumer<Logs> sink = new SinkConsumer<>();
        runLifecycle(factory.createLogs(settings.settings, factory.createDefaultConfig(), sink), sink);
    }

    /** create → start → (nothing to consume) → shutdown: nothing may arrive and no thread may be left. */
    private void runLifecycle(Receiver receiver, SinkConsumer<? extends Telemetry> sink) throws Exception {
        AtomicBoolean produced = new AtomicBoolean();

        Threads.assertNoneLeftBy(() -> {
            receiver.start(new TestHost());
            produced.set(sink.await(() -> sink.batchCount() > 0, 100, TimeUnit.MILLISECONDS));
            receiver.shutdown();
        });

        assertThat(produced).as("the nop receiver produced data").isFalse();
        assertThat(sink.batchCount()).isZero();
        assertThat(settings.logger.entries()).isEmpty();
    }
}
