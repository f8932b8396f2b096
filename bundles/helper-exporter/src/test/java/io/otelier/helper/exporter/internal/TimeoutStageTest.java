package io.otelier.helper.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.exporter.Sender;
import io.otelier.pdata.Traces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutStageTest {

    private final List<Duration> timeouts = new ArrayList<>();
    private final Sender<Traces> recording = (ctx, data, timeout) -> timeouts.add(timeout);
    private final Traces data = TestData.traces("t", 1);

    @Test
    void everyAttemptGetsTheFullTimeout() throws Exception {
        TimeoutStage<Traces> stage = new TimeoutStage<>(recording, Duration.ofSeconds(5));

        stage.send(RequestContext.EMPTY, data);
        stage.send(RequestContext.EMPTY, data);

        assertThat(timeouts).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void zeroTimeoutMeansNone() throws Exception {
        new TimeoutStage<>(recording, Duration.ZERO).send(RequestContext.EMPTY, data);

        assertThat(timeouts).containsExactly((Duration) null);
    }

    @Test
    void sendersFailuresPassThroughUnchanged() {
        PermanentException permanent = new PermanentException("rejected");
        TimeoutStage<Traces> stage = new TimeoutStage<>((ctx, d, t) -> {
            throw permanent;
        }, Duration.ofSeconds(1));

        assertThatThrownBy(() -> stage.send(RequestContext.EMPTY, data)).isSameAs(permanent);
    }

    @Test
    void unexpectedRuntimeExceptionBecomesRetryable() {
        TimeoutStage<Traces> stage = new TimeoutStage<>((ctx, d, t) -> {
            throw new IllegalStateException("channel closed");
        }, Duration.ofSeconds(1));

        assertThatThrownBy(() -> stage.send(RequestContext.EMPTY, data))
                .isInstanceOf(RetryableException.class)
                .hasMessage("internal error: java.lang.IllegalStateException: channel closed")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
