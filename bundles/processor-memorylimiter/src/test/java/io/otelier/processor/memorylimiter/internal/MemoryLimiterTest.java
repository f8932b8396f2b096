package io.otelier.processor.memorylimiter.internal;

import static io.otelier.processor.memorylimiter.internal.HeapLimits.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.ComponentStatus;
import io.otelier.api.component.StatusEvent;
import io.otelier.api.telemetry.Level;
import io.otelier.testkit.RecordingLogger;
import io.otelier.testkit.TestSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check logic on a simulated heap, clock and GC. Limits: hard 1000 MiB, soft 800 MiB. */
class MemoryLimiterTest {

    private static final Duration CHECK = Duration.ofSeconds(1);

    private final AtomicLong heap = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger gcs = new AtomicInteger();
    /** What a GC does to the heap; by default it frees nothing. */
    private LongUnaryOperator gcEffect = used -> used;
    private TestSettings test;
    private MemoryLimiter limiter;

    @BeforeEach
    void setUp() {
        test = TestSettings.of(ComponentKind.PROCESSOR, "memory_limiter");
    }

    private MemoryLimiter limiter(Duration minSoft, Duration minHard, Duration maxSoft, Duration maxHard) {
        MemoryLimiterConfig config = new MemoryLimiterConfig(CHECK, minSoft, minHard, maxSoft, maxHard, 1000, 200, 0,
                0);
        MemoryLimiter limiter = new MemoryLimiter(config, HeapLimits.of(config, () -> -1), test.logger,
                "test-limiter", heap::get, () -> {
                    gcs.incrementAndGet();
                    heap.set(gcEffect.applyAsLong(heap.get()));
                }, clock::get);
        limiter.start(test.settings.status());
        return limiter;
    }

    private MemoryLimiter defaultLimiter() {
        return limiter(null, null, null, null);
    }

    private void checkAt(long usedMib) {
        heap.set(usedMib * MIB);
        limiter.check();
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void refusesAboveTheSoftLimitAndAcceptsAgainBelowIt() throws Exception {
        limiter = defaultLimiter();
        checkAt(799);
        assertThat(limiter.mustRefuse()).isFalse();
        checkAt(800);
        assertThat(limiter.mustRefuse()).isTrue();
        assertThat(gcs).as("soft limit GC waits for min_gc_interval_when_soft_limited").hasValue(0);
        checkAt(900);
        assertThat(limiter.mustRefuse()).isTrue();
        checkAt(500);
        assertThat(limiter.mustRefuse()).isFalse();

        assertThat(test.logger.at(Level.WARN)).extracting(RecordingLogger.Entry::message)
                .containsExactly("Memory usage is above soft limit. Refusing data.");
        assertThat(test.logger.contains("Memory usage back within limits. Resuming normal operation.")).isTrue();
        assertThat(test.statuses).extracting(StatusEvent::status)
                .containsExactly(ComponentStatus.RECOVERABLE_ERROR, ComponentStatus.OK);
        assertThat(test.statuses.get(0).error()).hasMessage("data refused due to high memory usage");
        limiter.stop(test.settings.status());
    }

    @Test
    void forcesAGcAboveTheHardLimitAndAcceptsWhenItHelped() throws Exception {
        limiter = defaultLimiter();
        gcEffect = used -> 300 * MIB;
        advance(Duration.ofMillis(1));
        checkAt(1000);
        assertThat(gcs).hasValue(1);
        assertThat(limiter.mustRefuse()).as("the GC brought the heap below the soft limit").isFalse();
        assertThat(test.logger.contains("Memory usage is above hard limit. Forcing a GC.")).isTrue();
        assertThat(test.logger.contains("Memory usage after GC.")).isTrue();
        assertThat(test.statuses).isEmpty();
        limiter.stop(test.settings.status());
    }

    @Test
    void softLimitGcIsRateLimitedByItsMinimumInterval() throws Exception {
        limiter = limiter(Duration.ofSeconds(10), null, Duration.ZERO, Duration.ZERO);
        checkAt(850);
        assertThat(gcs).as("not 10s since the limiter started").hasValue(0);
        advance(Duration.ofSeconds(10));
        checkAt(850);
        assertThat(gcs).as("exactly 10s is not more than 10s").hasValue(0);
        advance(Duration.ofMillis(1));
        checkAt(850);
        assertThat(gcs).hasValue(1);
        advance(Duration.ofSeconds(5));
        checkAt(850);
        assertThat(gcs).hasValue(1);
        advance(Duration.ofSeconds(6));
        checkAt(850);
        assertThat(gcs).hasValue(2);
        assertThat(limiter.mustRefuse()).isTrue();
        limiter.stop(test.settings.status());
    }

    @Test
    void hardLimitGcIsRateLimitedByItsOwnMinimumInterval() throws Exception {
        limiter = limiter(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ZERO, Duration.ZERO);
        advance(Duration.ofSeconds(4));
        checkAt(1200);
        assertThat(gcs).hasValue(1);
        advance(Duration.ofSeconds(2));
        checkAt(1200);
        assertThat(gcs).hasValue(1);
        advance(Duration.ofSeconds(2));
        checkAt(1200);
        assertThat(gcs).hasValue(2);
        limiter.stop(test.settings.status());
    }

    @Test
    void fruitlessGcsBackOffExponentiallyUpToTheCap() throws Exception {
        // min hard 0: without backoff every check above the hard limit would force a GC
        limiter = limiter(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(4));
        long[] gcAtCheck = new long[12];
        for (int i = 0; i < gcAtCheck.length; i++) {
            advance(CHECK);
            checkAt(1200);
            gcAtCheck[i] = gcs.get();
        }
        // GC at check 0; backoff 1.9s -> next GC when more than 1.9s passed (check 2); then 3.8s (check 6);
        // then capped at 4s (check 11)
        assertThat(gcAtCheck).containsExactly(1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4);
        assertThat(test.logger.contains("Forced GC did not reclaim enough memory.")).isTrue();

        // memory coming down by itself resets the backoff: the next hard-limit check GCs at once
        checkAt(900);
        advance(CHECK);
        checkAt(1200);
        assertThat(gcs).hasValue(5);
        limiter.stop(test.settings.status());
    }

    @Test
    void aGcThatReclaimsFivePercentIsEffective() throws Exception {
        limiter = limiter(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(30));
        gcEffect = used -> used / 100 * 95;
        for (int i = 0; i < 3; i++) {
            advance(CHECK);
            checkAt(2000);
        }
        assertThat(gcs).as("no backoff: every GC freed 5%").hasValue(3);
        assertThat(test.logger.contains("Forced GC did not reclaim enough memory.")).isFalse();
        limiter.stop(test.settings.status());
    }

    @Test
    void timerRunsTheCheckWhileStartedAndStopsWithTheLastUser() throws Exception {
        MemoryLimiterConfig config = new MemoryLimiterConfig(Duration.ofMillis(10), null, null, null, null, 1000, 0,
                0, 0);
        AtomicInteger readings = new AtomicInteger();
        MemoryLimiter timed = new MemoryLimiter(config, HeapLimits.of(config, () -> -1), test.logger,
                "otelier-test-timer", () -> {
                    readings.incrementAndGet();
                    return 900 * MIB;
                }, () -> { }, System::nanoTime);
        TestSettings other = TestSettings.of(ComponentKind.PROCESSOR, "memory_limiter");
        timed.start(test.settings.status());
        timed.start(other.settings.status());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!timed.mustRefuse() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(timed.mustRefuse()).isTrue();
        // both started processors hear about the refusal
        assertThat(test.statuses).extracting(StatusEvent::status).containsExactly(ComponentStatus.RECOVERABLE_ERROR);
        assertThat(other.statuses).extracting(StatusEvent::status).containsExactly(ComponentStatus.RECOVERABLE_ERROR);

        timed.stop(test.settings.status());
        assertThat(threadAlive("otelier-test-timer")).as("one user is still started").isTrue();
        timed.stop(other.settings.status());
        long stopDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threadAlive("otelier-test-timer") && System.nanoTime() < stopDeadline) {
            Thread.sleep(20);
        }
        assertThat(threadAlive("otelier-test-timer")).isFalse();
        int after = readings.get();
        Thread.sleep(50);
        assertThat(readings.get()).isEqualTo(after);
    }

    static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
