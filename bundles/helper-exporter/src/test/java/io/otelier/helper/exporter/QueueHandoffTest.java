package io.otelier.helper.exporter;

import static io.otelier.helper.exporter.internal.TestData.traces;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Traces;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueueHandoffTest extends HelperFixture {

    private final ComponentId id = ComponentId.of("otlp");

    /** An exporter on the real clock, so a failing request sits in an hour-long backoff wait. */
    private HelpedExporter<Traces> realClockExporter(QueueSettings queue, RetrySettings retry, Sender<Traces> sender) {
        return track(ExporterHelper.builder(settings, Signal.TRACES, sender).queue(queue).retry(retry)
                .handoff(handoff).build());
    }

    @Test
    void aRetainedQueueIsSentByTheNextInstance() throws Exception {
        RecordingSender down = new RecordingSender((d, n) -> {
            throw new RetryableException("down");
        });
        HelpedExporter<Traces> old = realClockExporter(queue(1, 100), hourlyRetries(), down);
        old.start(host);
        List<String> labels = List.of("h0", "h1", "h2", "h3", "h4");
        for (String label : labels) {
            old.consume(RequestContext.EMPTY, traces(label, 2));
        }
        waitUntil(() -> test.logger.contains("Will retry"));

        handoff.retain(id, Signal.TRACES);
        long before = System.nanoTime();
        old.shutdown();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(5_000);
        assertThat(queueThreads()).isEmpty();
        assertThat(handoff.isHeld(id, Signal.TRACES)).isTrue();
        assertThat(handoff.heldRequests(id, Signal.TRACES)).as("the request in backoff is put back").isEqualTo(5);
        assertThat(down.attempts()).isEqualTo(1);
        assertThat(report.sendFailed).as("nothing was given up on").hasValue(0);
        assertThat(test.logger.contains("Dropping data")).isFalse();

        // the successor counts by items: the handed-over queue is measured anew
        RecordingSender up = RecordingSender.gated();
        HelpedExporter<Traces> successor = realClockExporter(queue(1, 100).withSizer(QueueSettings.SIZER_ITEMS),
                RetrySettings.defaults(), up);
        successor.start(host);
        assertThat(handoff.isHeld(id, Signal.TRACES)).isFalse();
        assertThat(successor.queueSize()).isEqualTo(10);
        up.gate.countDown();
        up.awaitDelivered(5);
        successor.shutdown();

        assertThat(up.delivered()).as("order kept, interrupted request first").containsExactlyElementsOf(labels);
        assertThat(report.sent).hasValue(10);
    }

    @Test
    void withoutARetainRequestShutdownDrainsAndHoldsNothing() throws Exception {
        assertShutdownDrainsAndHoldsNothing();
    }

    @Test
    void retainIsPerExporterAndSignal() throws Exception {
        handoff.retain(id, Signal.LOGS);
        handoff.retain(ComponentId.of("otlp", "backup"), Signal.TRACES);
        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> exporter = exporter(queue(1, 10), RetrySettings.defaults(), sender);
        exporter.consume(RequestContext.EMPTY, traces("a", 1));
        exporter.start(host);

        exporter.shutdown();

        assertThat(sender.delivered()).containsExactly("a");
        assertThat(handoff.isHeld(id, Signal.TRACES)).isFalse();
    }

    @Test
    void releaseDropsAQueueNobodyClaims() throws Exception {
        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> exporter = exporter(queue(1, 10), RetrySettings.defaults(), sender);
        for (int i = 0; i < 3; i++) {
            exporter.consume(RequestContext.EMPTY, traces("r" + i, 1));
        }
        handoff.retain(id, Signal.TRACES);
        exporter.shutdown();
        assertThat(handoff.heldRequests(id, Signal.TRACES)).isEqualTo(3);

        assertThat(handoff.release(id, Signal.TRACES)).isEqualTo(3);

        assertThat(handoff.isHeld(id, Signal.TRACES)).isFalse();
        assertThat(handoff.release(id, Signal.TRACES)).isZero();
        assertThat(sender.attempts()).isZero();
        assertThat(sender.shutDown).isTrue();
    }

    @Test
    void releaseAlsoWithdrawsARetainRequest() throws Exception {
        handoff.retain(id, Signal.TRACES);
        handoff.release(id, Signal.TRACES);

        assertShutdownDrainsAndHoldsNothing();
    }

    @Test
    void twoDepositsForOneKeyAreKeptTogether() throws Exception {
        for (String batch : List.of("first", "second")) {
            HelpedExporter<Traces> exporter = exporter(queue(1, 10), RetrySettings.defaults(),
                    RecordingSender.accepting());
            exporter.consume(RequestContext.EMPTY, traces(batch, 1));
            handoff.retain(id, Signal.TRACES);
            exporter.shutdown();
        }
        assertThat(handoff.heldRequests(id, Signal.TRACES)).isEqualTo(2);

        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> successor = exporter(queue(1, 10), RetrySettings.defaults(), sender);
        successor.start(host);
        sender.awaitDelivered(2);

        assertThat(sender.delivered()).containsExactly("first", "second");
    }

    /** A started exporter sends what it was given before its shutdown returns, and leaves nothing held. */
    private void assertShutdownDrainsAndHoldsNothing() throws Exception {
        RecordingSender sender = RecordingSender.accepting();
        HelpedExporter<Traces> exporter = exporter(queue(1, 10), RetrySettings.defaults(), sender);
        exporter.start(host);
        exporter.consume(RequestContext.EMPTY, traces("a", 1));

        exporter.shutdown();

        assertThat(sender.delivered()).containsExactly("a");
        assertThat(handoff.isHeld(id, Signal.TRACES)).isFalse();
    }
}
