package io.otelier.helper.exporter.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Time as the retry stage sees it; tests replace it to run schedules without waiting. */
public interface RetryClock {

    /** The system clock: {@link System#nanoTime()} and a wait that a stop signal cuts short. */
    RetryClock SYSTEM = new RetryClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public boolean sleep(long nanos, CountDownLatch stop) throws InterruptedException {
            return !stop.await(nanos, TimeUnit.NANOSECONDS);
        }
    };

    long nanoTime();

    /**
     * Waits {@code nanos} unless {@code stop} reaches zero first.
     *
     * @return true when the whole wait passed, false when it was stopped
     */
    boolean sleep(long nanos, CountDownLatch stop) throws InterruptedException;
}
