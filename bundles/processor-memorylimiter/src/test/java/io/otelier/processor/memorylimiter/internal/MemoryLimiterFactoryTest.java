package io.otelier.processor.memorylimiter.internal;

import static io.otelier.processor.memorylimiter.internal.HeapLimits.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.processor.Processor;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryLimiterFactoryTest {

    private final MemoryLimiterFactory factory = new MemoryLimiterFactory();
    private final TestSettings test = TestSettings.of(ComponentKind.PROCESSOR, "memory_limiter/lifecycle");

    private static MemoryLimiterConfig config(long limitMib) {
        return new MemoryLimiterConfig(Duration.ofMillis(20), null, null, null, null, limitMib, 0, 0, 0);
    }

    @Test
    void describesItselfLikeUpstream() {
        assertThat(factory.type()).isEqualTo("memory_limiter");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.kind()).isEqualTo(ComponentKind.PROCESSOR);
        assertThat(factory.configClass()).isEqualTo(MemoryLimiterConfig.class);
        assertThat(factory.signals()).isEqualTo(
                Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA));
    }

    /** create, start, consume every signal, shutdown: data passes untouched and no thread is left behind. */
    @Test
    void lifecycle() throws Exception {
        MemoryLimiterConfig config = config(1_000_000); // far above any heap: never refuses
        SinkConsumer<Traces> traces = new SinkConsumer<>();
        SinkConsumer<Metrics> metrics = new SinkConsumer<>();
        SinkConsumer<Logs> logs = new SinkConsumer<>();
        Processor<Traces> tp = factory.createTraces(test.settings, config, traces);
        Processor<Metrics> mp = factory.createMetrics(test.settings, config, metrics);
        Processor<Logs> lp = factory.createLogs(test.settings, config, logs);
        for (Processor<?> p : new Processor<?>[] {tp, mp, lp}) {
            p.start(new TestHost());
            assertThat(p.mutatesData()).isFalse();
        }
        String timer = "otelier-memory_limiter-memory_limiter/lifecycle";
        assertThat(threadCount(timer)).as("one shared timer for the three signals").isEqualTo(1);

        Traces sent = TestData.traces(3);
        tp.consume(RequestContext.EMPTY, sent);
        mp.consume(RequestContext.EMPTY, TestData.metrics(4));
        lp.consume(RequestContext.EMPTY, TestData.logs(5));
        assertThat(traces.received()).containsExactly(sent);
        assertThat(sent.itemCount()).isEqualTo(3);
        assertThat(metrics.itemCount()).isEqualTo(4);
        assertThat(logs.itemCount()).isEqualTo(5);
        String[] labels = {"processor", "memory_limiter/lifecycle"};
        assertThat(test.meter.counter("otelcol_processor_memory_limiter_accepted_spans", labels)).isEqualTo(3);
        assertThat(test.meter.counter("otelcol_processor_memory_limiter_accepted_metric_points", labels)).isEqualTo(4);
        assertThat(test.meter.counter("otelcol_processor_memory_limiter_accepted_log_records", labels)).isEqualTo(5);
        assertThat(test.logger.contains("Memory limiter configured")).isTrue();

        tp.shutdown();
        mp.shutdown();
        assertThat(threadCount(timer)).as("logs still started").isEqualTo(1);
        lp.shutdown();
        lp.shutdown(); // a second shutdown is harmless
        assertThat(threadCount(timer)).isZero();
    }

    @Test
    void shutdownWithoutStartLeavesOthersRunning() throws Exception {
        MemoryLimiterConfig config = config(1_000_000);
        Processor<Traces> started = factory.createTraces(test.settings, config, new SinkConsumer<>());
        Processor<Logs> neverStarted = factory.createLogs(test.settings, config, new SinkConsumer<>());
        started.start(new TestHost());
        neverStarted.shutdown();
        assertThat(threadCount("otelier-memory_limiter-memory_limiter/lifecycle")).isEqualTo(1);
        started.shutdown();
        assertThat(threadCount("otelier-memory_limiter-memory_limiter/lifecycle")).isZero();
    }

    @Test
    void instancesShareALimiterPerIdAndConfig() throws Exception {
        TestSettings other = TestSettings.of(ComponentKind.PROCESSOR, "memory_limiter/other");
        Processor<Traces> a = factory.createTraces(test.settings, config(1_000_000), new SinkConsumer<>());
        Processor<Logs> b = factory.createLogs(test.settings, config(1_000_000), new SinkConsumer<>());
        Processor<Traces> c = factory.createTraces(other.settings, config(1_000_000), new SinkConsumer<>());
        Processor<Traces> d = factory.createTraces(test.settings, config(2_000_000), new SinkConsumer<>());
        assertThat(limiterOf(a)).isSameAs(limiterOf(b));
        assertThat(limiterOf(c)).as("another id").isNotSameAs(limiterOf(a));
        assertThat(limiterOf(d)).as("a changed config").isNotSameAs(limiterOf(a));
        for (Processor<?> p : new Processor<?>[] {a, b, c, d}) {
            p.shutdown();
        }
        Processor<Traces> e = factory.createTraces(test.settings, config(1_000_000), new SinkConsumer<>());
        assertThat(limiterOf(e)).as("all users gone: a fresh limiter").isNotSameAs(limiterOf(a));
        e.shutdown();
    }

    @Test
    void refusesWithUpstreamsRetryableErrorWhileAboveTheSoftLimit() throws Exception {
        AtomicLong heap = new AtomicLong(100 * MIB);
        MemoryLimiterConfig config = config(1000);
        MemoryLimiter limiter = new MemoryLimiter(config, HeapLimits.of(config, () -> -1), test.logger, "unused",
                heap::get, () -> { }, System::nanoTime);
        SinkConsumer<Traces> sink = new SinkConsumer<>();
        ItemCounters counters = ItemCounters.create(test.meter, MetricsLevel.NORMAL, test.settings.id(),
                Signal.TRACES);
        Processor<Traces> processor = new MemoryLimiterProcessor<>(limiter, sink, test.settings.status(), counters,
                () -> { });

        limiter.check();
        processor.consume(RequestContext.EMPTY, TestData.traces(2));
        heap.set(900 * MIB);
        limiter.check();
        assertThatThrownBy(() -> processor.consume(RequestContext.EMPTY, TestData.traces(3)))
                .isInstanceOf(RetryableException.class)
                .hasMessage("data refused due to high memory usage");
        heap.set(100 * MIB);
        limiter.check();
        processor.consume(RequestContext.EMPTY, TestData.traces(4));

        assertThat(sink.received()).extracting(Telemetry::itemCount).containsExactly(2, 4);
        String[] labels = {"processor", "memory_limiter/lifecycle"};
        assertThat(test.meter.counter("otelcol_processor_memory_limiter_accepted_spans", labels)).isEqualTo(6);
        assertThat(test.meter.counter("otelcol_processor_memory_limiter_refused_spans", labels)).isEqualTo(3);
    }

    @Test
    void metricsLevelNoneRecordsNothing() throws Exception {
        ItemCounters counters = ItemCounters.create(test.meter, MetricsLevel.NONE, test.settings.id(), Signal.LOGS);
        counters.accepted(5);
        String[] labels = {"processor", "memory_limiter/lifecycle"};
        assertThat(test.meter.counter("otelcol_processor_memory_limiter_accepted_log_records", labels)).isZero();
    }

    private static MemoryLimiter limiterOf(Processor<?> processor) {
        return ((MemoryLimiterProcessor<?>) processor).limiter();
    }

    static long threadCount(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }
}
