package io.otelier.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for what happens on other threads (a queue draining, a retry being logged). */
public final class Waiting {

    private static final long POLL_MILLIS = 10;

    private Waiting() {
    }

    /** Polls {@code condition} until it holds or {@code within} has passed; returns whether it held. */
    public static boolean eventually(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return condition.getAsBoolean();
    }
}
