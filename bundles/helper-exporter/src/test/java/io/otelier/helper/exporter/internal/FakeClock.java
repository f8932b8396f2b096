package io.otelier.helper.exporter.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A clock whose sleeps pass instantly: it records each one and moves its time forward. */
public final class FakeClock implements RetryClock {

    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized boolean sleep(long nanos, CountDownLatch stop) {
        if (stop.getCount() == 0) {
            return false;
        }
        sleeps.add(Duration.ofNanos(nanos));
        now += nanos;
        return true;
    }

    public synchronized void advance(Duration d) {
        now += d.toNanos();
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
