package io.otelier.helper.exporter;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.helper.exporter.internal.FakeClock;
import io.otelier.pdata.Traces;
import io.otelier.testkit.RecordingObsReport;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** What the helper tests share: settings with readable counters, a private hand-off, cleanup, waiting. */
abstract class HelperFixture {

    static final String THREAD_PREFIX = "exporter-otlp-traces-queue";

    final TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "otlp");
    final RecordingObsReport report = new RecordingObsReport();
    final CreateSettings settings = test.reportingTo(report);
    final QueueHandoff handoff = new QueueHandoff();
    final FakeClock clock = new FakeClock();
    final TestHost host = new TestHost();
    private final List<HelpedExporter<Traces>> created = new ArrayList<>();

    /** Retries on a fake clock (waits pass at once) with jitter fixed at the interval itself. */
    HelpedExporter<Traces> exporter(QueueSettings queue, RetrySettings retry, Sender<Traces> sender) {
        return track(ExporterHelper.builder(settings, Signal.TRACES, sender).queue(queue).retry(retry)
                .timeout(TimeoutSettings.defaults()).handoff(handoff).clock(clock, () -> 0.5).build());
    }

    HelpedExporter<Traces> track(HelpedExporter<Traces> exporter) {
        created.add(exporter);
        return exporter;
    }

    static QueueSettings queue(int consumers, long size) {
        return QueueSettings.defaults().withNumConsumers(consumers).withQueueSize(size);
    }

    /** Retries that wait an hour on the real clock: a request stays in backoff until shutdown. */
    static RetrySettings hourlyRetries() {
        return new RetrySettings(true, Duration.ofHours(1), 0, 1.5, Duration.ofHours(1), Duration.ofHours(10));
    }

    /** Shuts down whatever a test left running, so one failure does not leak threads into the next test. */
    @org.junit.jupiter.api.AfterEach
    void shutdownAll() throws Exception {
        for (HelpedExporter<Traces> e : created) {
            e.shutdown();
        }
    }

    static List<String> queueThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(THREAD_PREFIX))
                .collect(Collectors.toList());
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10s");
            }
            Thread.sleep(5);
        }
    }
}
