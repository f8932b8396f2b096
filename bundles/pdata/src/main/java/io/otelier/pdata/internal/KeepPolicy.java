package io.otelier.pdata.internal;

/**
 * Whether keeping received bytes pays for one signal. Checking the bytes costs about half a decode; it pays
 * when the data leaves again unread (no decode, no encode) and is wasted when something reads the data anyway
 * (check plus decode). So each kept batch reports how it ended, and while most were read, received bytes are
 * decoded at once, except one batch in {@value #PROBE_EVERY}, which keeps watching whether that changed.
 * Updates race on purpose: this is a heuristic, and a lost update only shifts it by one step.
 */
public final class KeepPolicy {

    static final int PROBE_EVERY = 16;
    private static final int LIMIT = 64;

    /** One per signal, used by the protobuf decoder. */
    public static final KeepPolicy TRACES = new KeepPolicy();
    public static final KeepPolicy METRICS = new KeepPolicy();
    public static final KeepPolicy LOGS = new KeepPolicy();

    /** Positive while kept batches mostly left unread. */
    private volatile int balance;
    private int probe;

    /** Whether the next received batch should be checked and kept. */
    public boolean shouldKeep() {
        return balance >= 0 || ++probe % PROBE_EVERY == 0;
    }

    /**
     * A kept batch left as its received bytes, never decoded. While decoding at once, kept batches are the probes,
     * one in {@value #PROBE_EVERY}, so each counts for more: a pipeline that stopped reading is noticed after a few.
     */
    public void passedUnread() {
        int current = balance;
        balance = Math.min(LIMIT, current + (current < 0 ? PROBE_EVERY / 2 : 1));
    }

    /** Back to the first state (keep): for tests that need received bytes kept whatever ran before them. */
    public static void resetAll() {
        for (KeepPolicy policy : new KeepPolicy[] {TRACES, METRICS, LOGS}) {
            policy.balance = 0;
            policy.probe = 0;
        }
    }

    /** A kept batch was read, so it was decoded after all. */
    public void read() {
        int current = balance;
        if (current > -LIMIT) {
            balance = current - 2;
        }
    }
}
