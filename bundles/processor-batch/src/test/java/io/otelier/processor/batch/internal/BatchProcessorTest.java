package io.otelier.processor.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.processor.Processor;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.testkit.ProtoBytes;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchProcessorTest {

    private static final Duration NEVER = Duration.ofHours(1);
    private static final String ID = "batch/test";
    private static final String[] LABELS = {"processor", ID};

    private final BatchFactory factory = new BatchFactory();
    private final TestSettings test = TestSettings.of(ComponentKind.PROCESSOR, ID);
    private final SinkConsumer<Traces> sink = new SinkConsumer<>();
    private final List<Processor<?>> created = new ArrayList<>();

    private Processor<Traces> traces(Duration timeout, long size, long max, String... keys) throws Exception {
        return traces(new BatchConfig(timeout, size, max, List.of(keys), 1000), sink);
    }

    private Processor<Traces> traces(BatchConfig config, Consumer<Traces> next) throws Exception {
        config.validate();
        Processor<Traces> p = factory.createTraces(test.settings, config, next);
        p.start(new TestHost());
        created.add(p);
        return p;
    }

    @AfterEach
    void shutDownAndCheckForLeakedThreads() throws Exception {
        for (Processor<?> p : created) {
            p.shutdown();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.isAlive() && t.getName().startsWith("otelier-batch-" + ID));
    }

    private boolean await(SinkConsumer<?> consumer, int items) throws InterruptedException {
        return consumer.await(() -> consumer.itemCount() == items, 10, TimeUnit.SECONDS);
    }

    /** Polls until the condition holds (at most 10 s); returns whether it did. */
    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }

    /** Counters are added after the next consumer returned, so a test that saw the data waits for them too. */
    private boolean awaitCounter(String name, long value) throws InterruptedException {
        return eventually(() -> test.meter.counter(name, LABELS) >= value)
                && test.meter.counter(name, LABELS) == value;
    }

    private static List<Integer> sizes(SinkConsumer<?> consumer) {
        return consumer.received().stream().map(Telemetry::itemCount).toList();
    }

    @Test
    void describesItselfLikeUpstream() {
        assertThat(factory.type()).isEqualTo("batch");
        assertThat(factory.deprecatedType()).isEmpty();
        assertThat(factory.kind()).isEqualTo(ComponentKind.PROCESSOR);
        assertThat(factory.configClass()).isEqualTo(BatchConfig.class);
        assertThat(factory.signals()).isEqualTo(
                Map.of(Signal.TRACES, Stability.BETA, Signal.METRICS, Stability.BETA, Signal.LOGS, Stability.BETA));
    }

    /** create, start, consume every signal, shutdown: shutdown sends what is pending and stops the threads. */
    @Test
    void lifecycle() throws Exception {
        BatchConfig config = new BatchConfig(NEVER, 8192, 0, List.of(), 1000);
        SinkConsumer<Metrics> metrics = new SinkConsumer<>();
        SinkConsumer<Logs> logs = new SinkConsumer<>();
        Processor<Traces> tp = factory.createTraces(test.settings, config, sink);
        Processor<Metrics> mp = factory.createMetrics(test.settings, config, metrics);
        Processor<Logs> lp = factory.createLogs(test.settings, config, logs);
        List<Processor<?>> all = List.of(tp, mp, lp);
        for (Processor<?> p : all) {
            p.start(new TestHost());
            assertThat(p.mutatesData()).isFalse();
        }
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Traces t = TestData.traces("t" + i, 1, 2, 2);
            sent.addAll(TestData.flat(t));
            tp.consume(RequestContext.EMPTY, t);
        }
        mp.consume(RequestContext.EMPTY, TestData.metrics("m", 2, 2, 3));
        lp.consume(RequestContext.EMPTY, TestData.logs("l", 1, 1, 7));
        Thread.sleep(100);
        assertThat(sink.batchCount() + metrics.batchCount() + logs.batchCount()).as("waiting for size or timeout")
                .isZero();

        for (Processor<?> p : all) {
            p.shutdown();
        }
        assertThat(sizes(sink)).containsExactly(12);
        assertThat(TestData.flat(sink.received().get(0))).isEqualTo(sent);
        assertThat(sizes(metrics)).containsExactly(12);
        assertThat(sizes(logs)).containsExactly(7);
        assertThat(test.meter.counter(BatchTelemetry.TIMEOUT_TRIGGER, LABELS)).as("a shutdown flush").isEqualTo(3);
    }

    /** Callers wait only while a full batch goes to the next consumer, so the next consumer decides. */
    @Test
    void mayBlockExactlyWhenTheNextConsumerMay() throws Exception {
        Processor<Traces> p = traces(NEVER, 10, 0);
        assertThat(p.mayBlock()).isTrue();
        sink.mayBlock(false);
        assertThat(p.mayBlock()).isFalse();
    }

    @Test
    void sendsOnceTheSizeIsReached() throws Exception {
        Processor<Traces> p = traces(NEVER, 10, 0);
        p.consume(RequestContext.EMPTY, TestData.traces(5));
        Thread.sleep(100);
        assertThat(sink.batchCount()).isZero();
        p.consume(RequestContext.EMPTY, TestData.traces(6));
        assertThat(await(sink, 11)).isTrue();
        assertThat(sizes(sink)).containsExactly(11);
        assertThat(awaitCounter(BatchTelemetry.SIZE_TRIGGER, 1)).isTrue();
        assertThat(test.meter.counter(BatchTelemetry.TIMEOUT_TRIGGER, LABELS)).isZero();
    }

    @Test
    void neverSendsMoreThanTheMaxSize() throws Exception {
        Processor<Traces> p = traces(NEVER, 10, 15);
        Traces big = TestData.traces("big", 2, 2, 10);
        List<String> expected = TestData.flat(big);
        p.consume(RequestContext.EMPTY, big);
        assertThat(await(sink, 40)).isTrue();
        assertThat(sizes(sink)).containsExactly(15, 15, 10);
        assertThat(awaitCounter(BatchTelemetry.SIZE_TRIGGER, 3)).isTrue();
        List<String> received = new ArrayList<>();
        sink.received().forEach(t -> received.addAll(TestData.flat(t)));
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void leavesARemainderBelowTheSizeForLater() throws Exception {
        Processor<Traces> p = traces(NEVER, 10, 15);
        p.consume(RequestContext.EMPTY, TestData.traces(19));
        assertThat(await(sink, 15)).isTrue();
        Thread.sleep(100);
        assertThat(sizes(sink)).as("4 items wait for more or for the timer").containsExactly(15);
        p.shutdown();
        assertThat(sizes(sink)).containsExactly(15, 4);
    }

    @Test
    void theTimerSendsWhatIsPending() throws Exception {
        Processor<Traces> p = traces(Duration.ofMillis(50), 1000, 0);
        p.consume(RequestContext.EMPTY, TestData.traces(5));
        assertThat(await(sink, 5)).isTrue();
        assertThat(awaitCounter(BatchTelemetry.TIMEOUT_TRIGGER, 1)).isTrue();
        assertThat(test.meter.counter(BatchTelemetry.SIZE_TRIGGER, LABELS)).isZero();
    }

    @Test
    void zeroTimeoutSendsAtOnceSplitByTheMaxSize() throws Exception {
        Processor<Traces> p = traces(Duration.ZERO, 8192, 8192);
        Processor<Traces> split = traces(new BatchConfig(Duration.ZERO, 4, 4, List.of(), 0), sink);
        p.consume(RequestContext.EMPTY, TestData.traces(3));
        assertThat(await(sink, 3)).isTrue();
        split.consume(RequestContext.EMPTY, TestData.traces(10));
        assertThat(await(sink, 13)).isTrue();
        assertThat(sizes(sink)).containsExactly(3, 4, 4, 2);
    }

    @Test
    void zeroSizeSendsAtOnceAsASizeTrigger() throws Exception {
        Processor<Traces> p = traces(NEVER, 0, 0);
        p.consume(RequestContext.EMPTY, TestData.traces(3));
        assertThat(await(sink, 3)).isTrue();
        assertThat(awaitCounter(BatchTelemetry.SIZE_TRIGGER, 1)).isTrue();
    }

    @Test
    void movesMutableInputAndCopiesReadOnlyInput() throws Exception {
        Processor<Traces> p = traces(NEVER, 8192, 0);
        Traces mutable = TestData.traces("mutable", 1, 1, 2);
        Traces shared = TestData.traces("shared", 1, 1, 3);
        Traces pristine = shared.deepCopy();
        shared.markReadOnly();
        p.consume(RequestContext.EMPTY, mutable);
        p.consume(RequestContext.EMPTY, shared);
        assertThat(mutable.isEmpty()).as("moved into the pending batch").isTrue();
        p.shutdown();
        assertThat(shared).isEqualTo(pristine);
        assertThat(sizes(sink)).containsExactly(5);
        assertThat(sink.received().get(0).isReadOnly()).isFalse();
    }

    @Test
    void receivedBytesPassThroughUndecodedAndJoined() throws Exception {
        io.otelier.pdata.internal.KeepPolicy.resetAll(); // other tests in this JVM may have read decoded data
        Processor<Traces> p = traces(NEVER, 10, 0);
        Traces first = TestData.traces("first", 1, 1, 5);
        Traces second = TestData.traces("second", 1, 2, 3);
        // lengths written with a needless extra varint byte: bytes only a pass-through re-sends as they are
        byte[] firstBytes = ProtoBytes.padTopLevelLengths(OtlpProto.encode(first));
        byte[] secondBytes = ProtoBytes.padTopLevelLengths(OtlpProto.encode(second));
        p.consume(RequestContext.EMPTY, OtlpProto.decodeTraces(firstBytes));
        p.consume(RequestContext.EMPTY, OtlpProto.decodeTraces(secondBytes));
        assertThat(await(sink, 11)).isTrue();

        Traces batch = sink.received().get(0);
        assertThat(OtlpProto.encode(batch)).isEqualTo(concat(firstBytes, secondBytes));
        Traces expected = first.deepCopy();
        second.deepCopy().moveAllTo(expected);
        assertThat(batch).isEqualTo(expected);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void emptyDataIsDropped() throws Exception {
        Processor<Traces> p = traces(Duration.ZERO, 0, 0);
        p.consume(RequestContext.EMPTY, new Traces());
        p.shutdown();
        assertThat(sink.batchCount()).isZero();
    }

    @Test
    void batchesSeparatelyPerMetadataValues() throws Exception {
        Processor<Traces> p = traces(NEVER, 8192, 0, "Tenant");
        RequestContext a = RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("a"), "other", List.of("x")));
        RequestContext aAgain = RequestContext.EMPTY.withMetadata(Map.of("TENANT", List.of("a")));
        RequestContext b = RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("b")));
        RequestContext empty = RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("")));
        p.consume(a, TestData.traces(2));
        p.consume(b, TestData.traces(3));
        p.consume(aAgain, TestData.traces(1));
        p.consume(RequestContext.EMPTY, TestData.traces(4));
        p.consume(empty, TestData.traces(5));
        assertThat(test.meter.gauge(BatchTelemetry.METADATA_CARDINALITY, LABELS)).isEqualTo(4);

        p.shutdown();
        Map<List<String>, Integer> itemsByTenant = new java.util.HashMap<>();
        for (int i = 0; i < sink.batchCount(); i++) {
            RequestContext context = sink.contexts().get(i);
            assertThat(context.metadata().keySet()).isSubsetOf("tenant");
            itemsByTenant.merge(context.metadata("tenant"), sink.received().get(i).itemCount(), Integer::sum);
        }
        assertThat(itemsByTenant).isEqualTo(Map.of(List.of("a"), 3, List.of("b"), 3, List.of(), 4, List.of(""), 5));
        assertThat(sink.batchCount()).isEqualTo(4);
    }

    @Test
    void refusesCombinationsBeyondTheCardinalityLimit() throws Exception {
        Processor<Traces> p = traces(new BatchConfig(NEVER, 8192, 0, List.of("tenant"), 2), sink);
        p.consume(RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("a"))), TestData.traces(1));
        p.consume(RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("b"))), TestData.traces(1));
        Traces refused = TestData.traces(1);
        assertThatThrownBy(() -> p.consume(RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("c"))),
                refused))
                .isInstanceOf(PermanentException.class)
                .hasMessage("too many batcher metadata-value combinations");
        assertThat(refused.itemCount()).as("refused data is left alone").isEqualTo(1);
        p.consume(RequestContext.EMPTY.withMetadata(Map.of("tenant", List.of("a"))), TestData.traces(1));
        p.shutdown();
        assertThat(sink.itemCount()).isEqualTo(3);
    }

    @Test
    void errorsOfTheNextConsumerAreLoggedAndTheBatchDropped() throws Exception {
        sink.failWith(new RetryableException("backend down"));
        Processor<Traces> p = traces(NEVER, 1, 0);
        p.consume(RequestContext.EMPTY, TestData.traces(2));
        assertThat(eventually(() -> test.logger.contains("Sender failed"))).isTrue();
        assertThat(test.logger.at(Level.WARN).get(0).error()).hasMessage("backend down");
        assertThat(test.meter.counter(BatchTelemetry.SIZE_TRIGGER, LABELS)).isZero();

        sink.failWith(null);
        p.consume(RequestContext.EMPTY, TestData.traces(3));
        assertThat(await(sink, 3)).isTrue();
        assertThat(awaitCounter(BatchTelemetry.SIZE_TRIGGER, 1)).isTrue();
    }

    @Test
    void sendersWaitWhileAFullBatchWaitsForABusyExport() throws Exception {
        CountDownLatch exporting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Consumer<Traces> slow = (context, data) -> {
            exporting.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new RetryableException("interrupted", e);
            }
            sink.consume(context, data);
        };
        Processor<Traces> p = traces(new BatchConfig(NEVER, 2, 0, List.of(), 0), slow);
        p.consume(RequestContext.EMPTY, TestData.traces(2));
        assertThat(exporting.await(10, TimeUnit.SECONDS)).isTrue();
        p.consume(RequestContext.EMPTY, TestData.traces(2)); // a full batch, waiting for the export to finish
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                p.consume(RequestContext.EMPTY, TestData.traces(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> third.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        third.get(10, TimeUnit.SECONDS);
        p.shutdown();
        assertThat(sizes(sink)).containsExactly(2, 2, 1);
    }

    @Test
    void dataArrivingAfterShutdownIsPassedOnAtOnce() throws Exception {
        Processor<Traces> p = traces(NEVER, 2, 2);
        p.shutdown();
        p.consume(RequestContext.EMPTY, TestData.traces(5));
        assertThat(sizes(sink)).containsExactly(2, 2, 1);
    }

    @Test
    void metricsAndLogsAreSplitByDataPointsAndRecords() throws Exception {
        BatchConfig config = new BatchConfig(NEVER, 5, 5, List.of(), 0);
        SinkConsumer<Metrics> metrics = new SinkConsumer<>();
        SinkConsumer<Logs> logs = new SinkConsumer<>();
        Processor<Metrics> mp = factory.createMetrics(test.settings, config, metrics);
        Processor<Logs> lp = factory.createLogs(test.settings, config, logs);
        created.add(mp);
        created.add(lp);
        Metrics md = TestData.metrics("m", 1, 2, 6); // 12 points in two metrics
        List<String> expectedMetrics = TestData.flat(md);
        mp.consume(RequestContext.EMPTY, md);
        lp.consume(RequestContext.EMPTY, TestData.logs("l", 2, 1, 6));
        assertThat(await(metrics, 10)).isTrue();
        assertThat(await(logs, 10)).isTrue();
        mp.shutdown();
        lp.shutdown();
        assertThat(sizes(metrics)).containsExactly(5, 5, 2);
        assertThat(sizes(logs)).containsExactly(5, 5, 2);
        List<String> received = new ArrayList<>();
        metrics.received().forEach(m -> received.addAll(TestData.flat(m)));
        assertThat(received).isEqualTo(expectedMetrics);
    }

    @Test
    void countersAreRecordedFromTheNormalLevelOn() {
        BatchTelemetry basic = BatchTelemetry.create(test.meter, MetricsLevel.BASIC, test.settings.id(), () -> 1);
        basic.sent(Shard.Trigger.SIZE);
        assertThat(test.meter.counter(BatchTelemetry.SIZE_TRIGGER, LABELS)).isZero();
        assertThat(test.meter.gauge(BatchTelemetry.METADATA_CARDINALITY, LABELS)).isNull();
        BatchTelemetry normal = BatchTelemetry.create(test.meter, MetricsLevel.NORMAL, test.settings.id(), () -> 1);
        normal.sent(Shard.Trigger.SIZE);
        assertThat(test.meter.counter(BatchTelemetry.SIZE_TRIGGER, LABELS)).isEqualTo(1);
        assertThat(test.meter.gauge(BatchTelemetry.METADATA_CARDINALITY, LABELS)).isEqualTo(1);
    }
}
