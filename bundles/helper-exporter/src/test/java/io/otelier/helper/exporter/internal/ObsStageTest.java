package io.otelier.helper.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Traces;
import io.otelier.testkit.RecordingObsReport;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ObsStageTest {

    private final RecordingObsReport report = new RecordingObsReport();

    @Test
    void countsSentItems() throws Exception {
        ObsStage<Traces> stage = new ObsStage<>(new ScriptedStage(), report, e -> true);

        stage.send(RequestContext.EMPTY, TestData.traces("a", 4));
        stage.send(RequestContext.EMPTY, TestData.traces("b", 3));

        assertThat(report.sent).hasValue(7);
        assertThat(report.sendFailed).hasValue(0);
    }

    @Test
    void countsFailedItemsAndRethrows() {
        RetryableException failure = new RetryableException("down");
        ObsStage<Traces> stage = new ObsStage<>(new ScriptedStage().failing(failure), report, e -> true);

        assertThatThrownBy(() -> stage.send(RequestContext.EMPTY, TestData.traces("a", 4))).isSameAs(failure);

        assertThat(report.sendFailed).hasValue(4);
        assertThat(report.sent).hasValue(0);
    }

    @Test
    void failuresThatAreNotFinalAreNotCounted() {
        ObsStage<Traces> stage = new ObsStage<>(
                new ScriptedStage().failing(new ShutdownInterruption(new RetryableException("down"))), report,
                e -> !(e instanceof ShutdownInterruption));

        assertThatThrownBy(() -> stage.send(RequestContext.EMPTY, TestData.traces("a", 4)))
                .isInstanceOf(ShutdownInterruption.class);

        assertThat(report.sendFailed).hasValue(0);
    }

    @Test
    void tracksRequestsInFlight() throws Exception {
        AtomicLong seenInFlight = new AtomicLong(-1);
        ObsStage<Traces>[] holder = new ObsStage[1];
        holder[0] = new ObsStage<>((ctx, d) -> seenInFlight.set(holder[0].inFlight()), report, e -> true);

        holder[0].send(RequestContext.EMPTY, TestData.traces("a", 1));

        assertThat(seenInFlight).hasValue(1);
        assertThat(holder[0].inFlight()).isZero();
    }
}
