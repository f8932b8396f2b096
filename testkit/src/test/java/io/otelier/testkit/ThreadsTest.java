package io.otelier.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private Thread started;

    @AfterEach
    void endTheThread() throws InterruptedException {
        release.countDown();
        if (started != null) {
            started.join();
        }
    }

    @Test
    void aThreadStillRunningAfterTheGraceIsNamed() {
        assertThatThrownBy(() -> Threads.assertNoneLeftBy(Duration.ofMillis(200), () -> start("leaky-worker")))
                .isInstanceOf(AssertionError.class).hasMessage("threads left behind: [leaky-worker]");
    }

    @Test
    void aThreadEndingWithinTheGraceIsNotALeak() {
        assertThatCode(() -> Threads.assertNoneLeftBy(Duration.ofSeconds(10), () -> {
            start("lingering-worker");
            new Thread(() -> sleepThenRelease(Duration.ofMillis(300))).start();
        })).doesNotThrowAnyException();
    }

    @Test
    void threadsWithAnIgnoredPrefixMayStay() {
        assertThatCode(() -> Threads.assertNoneLeftBy(Duration.ofMillis(200), () -> start("server-conn-1"),
                "server-")).doesNotThrowAnyException();
    }

    @Test
    void threadsThatWereThereBeforeAreNotCounted() throws Exception {
        start("older-worker");

        assertThatCode(() -> Threads.assertNoneLeftBy(Duration.ofMillis(200), () -> { }))
                .doesNotThrowAnyException();
    }

    /** Starts a thread that runs until the test releases it. */
    private void start(String name) {
        started = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        started.start();
    }

    private void sleepThenRelease(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release.countDown();
    }
}
