package io.otelier.testkit;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The "no leaked threads" check of lifecycle tests. Some libraries end their threads a little after the work that
 * started them: netty's {@code globalEventExecutor} thread lingers about a second after its last task, and a dropped
 * JDK {@code HttpClient}'s threads end only once the client has been garbage-collected. So the check polls, collecting
 * garbage between polls, for up to {@link #GRACE} before it calls a thread left behind.
 */
public final class Threads {

    /** How long threads started by the code under test may take to end after it returned. */
    public static final Duration GRACE = Duration.ofSeconds(20);

    private static final long POLL_MILLIS = 20;

    /** The code under test. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private Threads() {
    }

    /**
     * Runs {@code action} and fails unless every thread started meanwhile has ended within {@link #GRACE}.
     *
     * @param ignoredPrefixes names of threads that may stay, e.g. an in-test server's, which serves each new
     *                        connection on a thread of its own
     * @throws AssertionError naming the threads left behind
     */
    public static void assertNoneLeftBy(Action action, String... ignoredPrefixes) throws Exception {
        assertNoneLeftBy(GRACE, action, ignoredPrefixes);
    }

    /** {@link #assertNoneLeftBy(Action, String...)} with another grace; for testing the check itself. */
    static void assertNoneLeftBy(Duration grace, Action action, String... ignoredPrefixes) throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        action.run();
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> left = startedSince(before, ignoredPrefixes);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(POLL_MILLIS);
            left = startedSince(before, ignoredPrefixes);
        }
        if (!left.isEmpty()) {
            throw new AssertionError("threads left behind: " + left);
        }
    }

    /** Names of the live threads not in {@code before}, except the ignored ones, sorted. */
    private static List<String> startedSince(Set<Thread> before, String... ignoredPrefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(name -> Stream.of(ignoredPrefixes).noneMatch(name::startsWith))
                .sorted()
                .toList();
    }
}
