package io.otelier.exporter.debug.internal;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Upstream's output sampling, which is zap's sampler: entries are counted per message over one-second ticks; in
 * each tick the first {@code initial} entries of a message pass, and after that every {@code thereafter}-th
 * (0: none). Like zap, the counts live in a fixed table of 4096 slots chosen by an FNV-1a hash of the message,
 * so memory stays bounded however many distinct messages (dumps) pass; colliding messages share a count. Like
 * zap's, both numbers are taken as unsigned, so a negative one acts as a huge one. Thread-safe.
 */
final class LogSampler {

    static final long TICK_NANOS = 1_000_000_000L;
    private static final int SLOTS = 4096;

    private final long initial;
    private final long thereafter;
    private final LongSupplier nanoClock;
    private final long origin;
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);
    private final AtomicLongArray resetAt = new AtomicLongArray(SLOTS);

    /**
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    LogSampler(int initial, int thereafter, LongSupplier nanoClock) {
        this.initial = Integer.toUnsignedLong(initial);
        this.thereafter = Integer.toUnsignedLong(thereafter);
        this.nanoClock = nanoClock;
        // times are kept relative to creation: never negative, so a slot's initial 0 means "tick over"
        this.origin = nanoClock.getAsLong();
    }

    /** Counts one entry with this message; true when it is to be written. */
    boolean sample(String message) {
        long n = countInTick(slot(message), nanoClock.getAsLong() - origin);
        return !(n > initial && (thereafter == 0 || Long.remainderUnsigned(n - initial, thereafter) != 0));
    }

    /** zap's counter.IncCheckReset: the count within the current tick, starting a new tick when it is over. */
    private long countInTick(int slot, long now) {
        long resetAfter = resetAt.get(slot);
        if (resetAfter > now) {
            return counts.incrementAndGet(slot);
        }
        counts.set(slot, 1);
        if (!resetAt.compareAndSet(slot, resetAfter, now + TICK_NANOS)) {
            // another thread started the tick at the same moment and also reset the count: count on top of it
            return counts.incrementAndGet(slot);
        }
        return 1;
    }

    private static int slot(String message) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < message.length(); i++) {
            hash ^= message.charAt(i);
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, SLOTS);
    }
}
