package io.otelier.helper.exporter;

import static io.otelier.helper.exporter.internal.TestData.traces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.Signal;
import io.otelier.api.config.ConfigException;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Level;
import io.otelier.helper.exporter.internal.TestData;
import io.otelier.pdata.Traces;
import io.otelier.testkit.RecordingLogger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExporterHelperTest extends HelperFixture {

    private static final String DROPPING = "Exporting failed. Dropping data.";
    private static final String REJECTING = "Exporting failed. Rejecting data.";

    @Test
    void lifecycleSendsEverythingAndLeavesNoThreads() throws Exception {
        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> exporter = ExporterHelper.builder(settings, Signal.TRACES, sender)
                .queue(QueueSettings.defaults()).retry(RetrySettings.defaults()).handoff(handoff).build();
        track(exporter);

        exporter.start(host);
        assertThat(sender.started).isTrue();
        assertThat(queueThreads()).hasSize(QueueSettings.DEFAULT_NUM_CONSUMERS);
        for (int i = 0; i < 5; i++) {
            exporter.consume(RequestContext.EMPTY, traces("b" + i, 2));
        }
        exporter.shutdown();

        assertThat(sender.delivered()).containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4");
        assertThat(report.sent).hasValue(10);
        assertThat(report.sendFailed).hasValue(0);
        assertThat(sender.shutDown).isTrue();
        assertThat(queueThreads()).isEmpty();
        assertThat(exporter.reportsSends()).isTrue();
        assertThat(exporter.mutatesData()).isFalse();
    }

    @Test
    void repeatedLifecyclesLeaveNoThreads() throws Exception {
        for (int round = 0; round < 5; round++) {
            HelpedExporter<Traces> exporter = exporter(QueueSettings.defaults(), RetrySettings.defaults(),
                    RecordingSender.accepting());
            exporter.start(host);
            exporter.consume(RequestContext.EMPTY, traces("r" + round, 1));
            exporter.shutdown();
            assertThat(queueThreads()).as("round %d", round).isEmpty();
        }
    }

    @Test
    void withoutQueueTheCallerSendsAndGetsTheFailure() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            throw new RetryableException("backend down");
        });
        HelpedExporter<Traces> exporter = track(ExporterHelper.create(settings, Signal.TRACES, null,
                RetrySettings.disabled(), TimeoutSettings.defaults(), sender));
        exporter.start(host);

        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, traces("a", 3)))
                .isInstanceOf(RetryableException.class).hasMessage("backend down");

        RecordingLogger.Entry rejected = test.logger.at(Level.ERROR).get(0);
        assertThat(rejected.message()).isEqualTo(REJECTING
                + " Try enabling retry_on_failure config option to retry on retryable errors."
                + " Try enabling sending_queue to survive temporary failures.");
        assertThat(rejected.fields()).containsExactly("rejected_items", 3);
        assertThat(rejected.error()).hasMessage("backend down");
        assertThat(report.sendFailed).hasValue(3);
        assertThat(queueThreads()).isEmpty();
        assertThat(exporter.queueCapacity()).isZero();
    }

    @Test
    void withoutQueueASuccessfulConsumeHasSent() throws Exception {
        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> exporter = exporter(null, RetrySettings.defaults(), sender);
        exporter.start(host);

        exporter.consume(RequestContext.EMPTY, traces("a", 3));

        assertThat(sender.delivered()).containsExactly("a");
        assertThat(report.sent).hasValue(3);
    }

    @Test
    void retriesUntilSuccessAndLosesNothing() throws Exception {
        Map<String, Integer> attemptsPerBatch = new ConcurrentHashMap<>();
        RecordingSender sender = new RecordingSender((d, n) -> {
            if (attemptsPerBatch.merge(TestData.label(d), 1, Integer::sum) <= 2) {
                throw new RetryableException("unavailable");
            }
        });
        HelpedExporter<Traces> exporter = exporter(queue(4, 100), RetrySettings.defaults(), sender);
        exporter.start(host);

        List<String> labels = IntStream.range(0, 20).mapToObj(i -> "b" + i).toList();
        for (String label : labels) {
            exporter.consume(RequestContext.EMPTY, traces(label, 2));
        }
        sender.awaitDelivered(20);
        exporter.shutdown();

        assertThat(sender.delivered()).containsExactlyInAnyOrderElementsOf(labels);
        assertThat(sender.attempts()).isEqualTo(60);
        assertThat(report.sent).hasValue(40);
        assertThat(report.sendFailed).hasValue(0);
        assertThat(test.logger.contains(DROPPING)).isFalse();
    }

    @Test
    void permanentErrorsAreDroppedAtOnceAndCounted() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            throw new PermanentException("invalid data");
        });
        HelpedExporter<Traces> exporter = exporter(queue(2, 100), RetrySettings.defaults(), sender);
        exporter.start(host);

        for (int i = 0; i < 3; i++) {
            exporter.consume(RequestContext.EMPTY, traces("p" + i, 2));
        }
        exporter.shutdown();

        assertThat(sender.attempts()).isEqualTo(3);
        assertThat(clock.sleeps()).isEmpty();
        assertThat(report.sendFailed).hasValue(6);
        assertThat(report.sent).hasValue(0);
        List<RecordingLogger.Entry> drops = test.logger.at(Level.ERROR);
        assertThat(drops).hasSize(3).allSatisfy(e -> {
            assertThat(e.message()).isEqualTo(DROPPING);
            assertThat(e.fields()).containsExactly("dropped_items", 2);
            assertThat(e.error()).isInstanceOf(PermanentException.class).hasMessage("not retryable error: invalid data");
        });
    }

    @Test
    void givesUpAfterMaxElapsedTimeAndDrops() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            throw new RetryableException("down");
        });
        RetrySettings retry = new RetrySettings(true, Duration.ofSeconds(5), 0.5, 1.5, Duration.ofSeconds(10),
                Duration.ofSeconds(20));
        HelpedExporter<Traces> exporter = exporter(queue(1, 10), retry, sender);
        exporter.start(host);

        exporter.consume(RequestContext.EMPTY, traces("late", 2));
        waitUntil(() -> report.sendFailed.get() == 2);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7_500));
        assertThat(sender.attempts()).isEqualTo(3);
        RecordingLogger.Entry drop = test.logger.at(Level.ERROR).get(0);
        assertThat(drop.message()).isEqualTo(DROPPING);
        assertThat(drop.error()).hasMessage("no more retries left: down");
        assertThat(exporter.queueSize()).isZero();
    }

    @Test
    void honoursTheServersThrottlingDelay() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            if (n == 1) {
                throw new RetryableException("resource exhausted", null, Duration.ofSeconds(42));
            }
        });
        HelpedExporter<Traces> exporter = exporter(queue(1, 10), RetrySettings.defaults(), sender);
        exporter.start(host);

        exporter.consume(RequestContext.EMPTY, traces("t", 1));
        sender.awaitDelivered(1);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void fullQueueRefusesAndCountsEnqueueFailures() throws Exception {
        RecordingSender sender = RecordingSender.gated();
        HelpedExporter<Traces> exporter = exporter(queue(1, 2), RetrySettings.defaults(), sender);
        exporter.start(host);

        exporter.consume(RequestContext.EMPTY, traces("a", 1));
        exporter.consume(RequestContext.EMPTY, traces("b", 1));
        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, traces("c", 3)))
                .isInstanceOf(RetryableException.class).hasMessage("sending queue is full");

        assertThat(report.enqueueFailed).hasValue(3);
        RecordingLogger.Entry rejected = test.logger.at(Level.ERROR).get(0);
        assertThat(rejected.message()).isEqualTo(REJECTING);
        assertThat(rejected.fields()).containsExactly("rejected_items", 3);

        sender.gate.countDown();
        exporter.shutdown();
        assertThat(sender.delivered()).containsExactly("a", "b");
        assertThat(report.sendFailed).hasValue(0);
    }

    @Test
    void blockOnOverflowWaitsThenProceeds() throws Exception {
        RecordingSender sender = RecordingSender.gated();
        HelpedExporter<Traces> exporter = exporter(queue(1, 1).withBlockOnOverflow(true), RetrySettings.defaults(),
                sender);
        exporter.start(host);
        exporter.consume(RequestContext.EMPTY, traces("a", 1));

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                exporter.consume(RequestContext.EMPTY, traces("b", 1));
            } catch (ConsumerException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(second).as("waits for space").isNotDone();

        sender.gate.countDown();
        second.get(10, TimeUnit.SECONDS);
        exporter.shutdown();

        assertThat(sender.delivered()).containsExactly("a", "b");
        assertThat(report.enqueueFailed).hasValue(0);
    }

    @Test
    void shutdownDrainsEverythingQueued() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> Thread.sleep(2));
        HelpedExporter<Traces> exporter = exporter(queue(1, 1000), RetrySettings.defaults(), sender);
        exporter.start(host);
        List<String> labels = IntStream.range(0, 50).mapToObj(i -> "d" + i).toList();
        for (String label : labels) {
            exporter.consume(RequestContext.EMPTY, traces(label, 1));
        }

        exporter.shutdown();

        assertThat(sender.delivered()).as("one consumer keeps the order").containsExactlyElementsOf(labels);
        assertThat(report.sent).hasValue(50);
        assertThat(exporter.queueSize()).isZero();
    }

    @Test
    void shutdownEndsBackoffWaitsAndGivesQueuedRequestsOneLastAttempt() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            throw new RetryableException("down");
        });
        // the real clock: the first request really waits
        HelpedExporter<Traces> exporter = track(ExporterHelper.builder(settings, Signal.TRACES, sender).queue(queue(1, 10))
                .retry(hourlyRetries()).handoff(handoff).build());
        exporter.start(host);
        for (int i = 0; i < 3; i++) {
            exporter.consume(RequestContext.EMPTY, traces("s" + i, 2));
        }
        waitUntil(() -> test.logger.contains("Will retry"));

        long before = System.nanoTime();
        exporter.shutdown();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(5_000);
        assertThat(sender.attempts()).as("one attempt each, no retries after shutdown").isEqualTo(3);
        assertThat(report.sendFailed).hasValue(6);
        assertThat(test.logger.at(Level.ERROR)).hasSize(3).allSatisfy(e -> {
            assertThat(e.message()).isEqualTo(DROPPING);
            assertThat(e.error()).hasMessage("interrupted due to shutdown: down");
        });
        assertThat(queueThreads()).isEmpty();
    }

    @Test
    void consumersSendInParallel() throws Exception {
        CyclicBarrier allFour = new CyclicBarrier(4);
        RecordingSender sender = new RecordingSender((d, n) -> {
            try {
                allFour.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new PermanentException("not concurrent: " + e);
            }
        });
        HelpedExporter<Traces> exporter = exporter(queue(4, 100), RetrySettings.disabled(), sender);
        exporter.start(host);

        for (int i = 0; i < 4; i++) {
            exporter.consume(RequestContext.EMPTY, traces("c" + i, 1));
        }
        sender.awaitDelivered(4);
        exporter.shutdown();

        assertThat(sender.maxConcurrent()).isEqualTo(4);
        assertThat(report.sendFailed).hasValue(0);
    }

    @Test
    void waitForResultHandsTheOutcomeToTheCaller() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            if (TestData.label(d).equals("bad")) {
                throw new PermanentException("rejected");
            }
        });
        HelpedExporter<Traces> exporter = exporter(queue(2, 10).withWaitForResult(true), RetrySettings.defaults(),
                sender);
        exporter.start(host);

        exporter.consume(RequestContext.EMPTY, traces("good", 1));
        assertThat(sender.delivered()).as("sent before consume returned").containsExactly("good");
        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, traces("bad", 1)))
                .isInstanceOf(PermanentException.class).hasMessage("not retryable error: rejected");
        assertThat(report.enqueueFailed).as("a send failure is not an enqueue failure").hasValue(0);
        assertThat(report.sendFailed).hasValue(1);

        // callers wait on their requests, so such a queue drains instead of being handed over
        handoff.retain(settings.id(), Signal.TRACES);
        exporter.shutdown();
        assertThat(handoff.isHeld(settings.id(), Signal.TRACES)).isFalse();
    }

    @Test
    void eachAttemptGetsTheConfiguredTimeout() throws Exception {
        RecordingSender sender = new RecordingSender((d, n) -> {
            if (n == 1) {
                throw new RetryableException("slow");
            }
        });
        HelpedExporter<Traces> exporter = track(ExporterHelper.builder(settings, Signal.TRACES, sender)
                .retry(RetrySettings.defaults()).timeout(TimeoutSettings.of(Duration.ofSeconds(2)))
                .clock(clock, () -> 0.5).build());
        exporter.start(host);
        exporter.consume(RequestContext.EMPTY, traces("a", 1));

        HelpedExporter<Traces> unlimited = track(ExporterHelper.create(settings, Signal.TRACES, null, null,
                TimeoutSettings.of(Duration.ZERO), sender));
        unlimited.consume(RequestContext.EMPTY, traces("b", 1));

        assertThat(sender.timeouts()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), null);
    }

    @Test
    void dataAcceptedBeforeAStartThatNeverCameIsDroppedAtShutdown() throws Exception {
        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> exporter = exporter(queue(1, 10), RetrySettings.defaults(), sender);

        exporter.consume(RequestContext.EMPTY, traces("early", 2));
        exporter.shutdown();

        assertThat(sender.attempts()).isZero();
        assertThat(report.sendFailed).hasValue(2);
        assertThat(test.logger.at(Level.ERROR)).extracting(RecordingLogger.Entry::message).containsExactly(DROPPING);
    }

    @Test
    void bytesSizerWeighsRequestsWithTheExportersFunction() throws Exception {
        RecordingSender sender = RecordingSender.gated();
        HelpedExporter<Traces> exporter = track(ExporterHelper.builder(settings, Signal.TRACES, sender)
                .queue(queue(1, 250).withSizer(QueueSettings.SIZER_BYTES)).bytesSizer(t -> 100L).build());
        exporter.start(host);

        exporter.consume(RequestContext.EMPTY, traces("a", 1));
        exporter.consume(RequestContext.EMPTY, traces("b", 1));
        assertThat(exporter.queueSize()).isEqualTo(200);
        assertThatThrownBy(() -> exporter.consume(RequestContext.EMPTY, traces("c", 1)))
                .hasMessage("sending queue is full");
        sender.gate.countDown();
    }

    @Test
    void onlyAnInMemoryQueueThatRefusesWhenFullNeverBlocksItsCaller() {
        RecordingSender sender = RecordingSender.accepting();
        QueueSettings queue = QueueSettings.defaults();
        assertThat(exporter(queue, RetrySettings.defaults(), sender).mayBlock()).isFalse();
        assertThat(exporter(new QueueSettings(false, 10, 1000, "requests", false, false, null), RetrySettings.defaults(),
                sender).mayBlock()).as("no queue: the caller sends").isTrue();
        assertThat(exporter(new QueueSettings(true, 10, 1000, "requests", true, false, null), RetrySettings.defaults(),
                sender).mayBlock()).as("block_on_overflow").isTrue();
        assertThat(exporter(new QueueSettings(true, 10, 1000, "requests", false, true, null), RetrySettings.defaults(),
                sender).mayBlock()).as("wait_for_result").isTrue();
    }

    @Test
    void buildRefusesWhatCannotWork() {
        RecordingSender sender = RecordingSender.accepting();
        assertThatThrownBy(() -> ExporterHelper.builder(settings, Signal.TRACES, sender)
                .queue(new QueueSettings(true, 10, 1000, "requests", false, false, "file_storage")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("`sending_queue::storage` is not supported by this distribution yet");
        assertThatThrownBy(() -> ExporterHelper.builder(settings, Signal.TRACES, sender)
                .queue(QueueSettings.defaults().withSizer(QueueSettings.SIZER_BYTES)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("byte sizer");
        assertThatThrownBy(() -> ExporterHelper.create(settings, Signal.TRACES, QueueSettings.defaults().withQueueSize(0),
                RetrySettings.defaults(), TimeoutSettings.defaults(), sender))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sending_queue::queue_size: `queue_size` must be positive");
    }
}
