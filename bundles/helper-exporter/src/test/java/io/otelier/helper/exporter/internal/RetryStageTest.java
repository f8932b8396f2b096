package io.otelier.helper.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Level;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.pdata.Traces;
import io.otelier.testkit.RecordingLogger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryStageTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingLogger log = new RecordingLogger();
    private final Traces data = TestData.traces("batch", 3);

    private RetryStage<Traces> stage(Stage<Traces> next, RetrySettings settings) {
        // random 0.5 puts every wait on its interval, so schedules are exact
        return new RetryStage<>(next, settings, log, clock, () -> 0.5);
    }

    private static RetrySettings retry(Duration maxInterval, Duration maxElapsed) {
        return new RetrySettings(true, Duration.ofSeconds(5), 0.5, 1.5, maxInterval, maxElapsed);
    }

    @Test
    void retriesUntilSuccessWithTheBackoffScheduleAndDeliversOnce() throws Exception {
        ScriptedStage next = new ScriptedStage().failingTimes(3, new RetryableException("unavailable"));

        stage(next, RetrySettings.defaults()).send(RequestContext.EMPTY, data);

        assertThat(next.attempts).isEqualTo(4);
        assertThat(next.delivered).containsExactly(data);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofMillis(7_500),
                Duration.ofMillis(11_250));
        List<RecordingLogger.Entry> retries = log.at(Level.INFO);
        assertThat(retries).extracting(RecordingLogger.Entry::message)
                .containsOnly("Exporting failed. Will retry the request after interval.");
        assertThat(retries).extracting(e -> e.fields()).containsExactly(
                List.of("interval", "5s"), List.of("interval", "7.5s"), List.of("interval", "11.25s"));
        assertThat(retries.get(0).error()).hasMessage("unavailable");
    }

    @Test
    void permanentErrorIsNeverRetried() {
        ScriptedStage next = new ScriptedStage().failing(new PermanentException("bad data"));

        assertThatThrownBy(() -> stage(next, RetrySettings.defaults()).send(RequestContext.EMPTY, data))
                .isInstanceOf(PermanentException.class)
                .hasMessage("not retryable error: bad data");
        assertThat(next.attempts).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    static Stream<Arguments> throttling() {
        return Stream.of(
                Arguments.of("server asks for longer than the backoff", Duration.ofSeconds(40), Duration.ofSeconds(40)),
                Arguments.of("server asks for less: the backoff wins", Duration.ofSeconds(1), Duration.ofSeconds(5)),
                Arguments.of("no hint", null, Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttling")
    void throttlingHintSetsTheLeastWait(String name, Duration retryAfter, Duration expectedWait) throws Exception {
        ScriptedStage next = new ScriptedStage().failing(new RetryableException("slow down", null, retryAfter));

        stage(next, retry(Duration.ofSeconds(30), Duration.ofMinutes(5))).send(RequestContext.EMPTY, data);

        assertThat(clock.sleeps()).containsExactly(expectedWait);
        assertThat(next.delivered).hasSize(1);
    }

    static Stream<Arguments> elapsedLimits() {
        return Stream.of(
                // waits 5, 7.5, 11.25, 16.875 (cumulative 5, 12.5, 23.75, 40.625)
                Arguments.of("20s: third wait would end at 23.75s", Duration.ofSeconds(20), 3),
                Arguments.of("23.75s: third wait ends exactly at the limit", Duration.ofMillis(23_750), 4),
                Arguments.of("40s: fourth wait would end at 40.625s", Duration.ofSeconds(40), 4),
                Arguments.of("5s: first wait ends exactly at the limit", Duration.ofSeconds(5), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elapsedLimits")
    void givesUpBeforeExceedingMaxElapsedTime(String name, Duration maxElapsed, int expectedAttempts) {
        ScriptedStage next = new ScriptedStage().failingTimes(100, new RetryableException("down"));

        assertThatThrownBy(() -> stage(next, retry(Duration.ofSeconds(30), maxElapsed)).send(RequestContext.EMPTY, data))
                .isInstanceOf(RetryableException.class)
                .isNotInstanceOf(ShutdownInterruption.class)
                .hasMessage("no more retries left: down")
                .satisfies(e -> assertThat(((ConsumerException) e).isPermanent()).isFalse());
        assertThat(next.attempts).isEqualTo(expectedAttempts);
        assertThat(next.delivered).isEmpty();
    }

    @Test
    void timeSpentInAttemptsCountsTowardsMaxElapsedTime() {
        Stage<Traces> slowFailure = (ctx, d) -> {
            clock.advance(Duration.ofSeconds(15));
            throw new RetryableException("timed out");
        };
        RetryStage<Traces> stage = stage(slowFailure, retry(Duration.ofSeconds(10), Duration.ofSeconds(20)));

        assertThatThrownBy(() -> stage.send(RequestContext.EMPTY, data)).hasMessage("no more retries left: timed out");
        // 15s attempt + 5s wait reaches 20s exactly; the second attempt ends at 35s
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void zeroMaxElapsedTimeRetriesForever() throws Exception {
        ScriptedStage next = new ScriptedStage().failingTimes(60, new RetryableException("down"));

        stage(next, retry(Duration.ofSeconds(30), Duration.ZERO)).send(RequestContext.EMPTY, data);

        assertThat(next.attempts).isEqualTo(61);
        assertThat(clock.sleeps()).hasSize(60).endsWith(Duration.ofSeconds(30));
    }

    @Test
    void afterStopAFailureIsNotRetried() {
        ScriptedStage next = new ScriptedStage().failing(new RetryableException("down"));
        RetryStage<Traces> stage = stage(next, RetrySettings.defaults());
        stage.stop();

        assertThatThrownBy(() -> stage.send(RequestContext.EMPTY, data))
                .isInstanceOf(ShutdownInterruption.class)
                .hasMessage("interrupted due to shutdown: down");
        assertThat(next.attempts).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void stopEndsAWaitPromptly() throws Exception {
        ScriptedStage next = new ScriptedStage().failingTimes(5, new RetryableException("down"));
        RetrySettings hourly = new RetrySettings(true, Duration.ofHours(1), 0, 1.5, Duration.ofHours(1),
                Duration.ofHours(10));
        RetryStage<Traces> stage = new RetryStage<>(next, hourly, log, RetryClock.SYSTEM, () -> 0.5);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                stage.send(RequestContext.EMPTY, data);
                return null;
            } catch (ConsumerException e) {
                return e;
            }
        });
        waitUntil(() -> log.contains("Will retry"));

        long before = System.nanoTime();
        stage.stop();
        Throwable error = outcome.get(5, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(2_000);
        assertThat(error).isInstanceOf(ShutdownInterruption.class).hasMessage("interrupted due to shutdown: down");
        assertThat(next.attempts).isEqualTo(1);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10s");
            }
            Thread.sleep(5);
        }
    }
}
