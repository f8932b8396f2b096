package io.otelier.processor.batch.internal;

import io.otelier.pdata.Telemetry;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The items a shard holds, oldest first, as the owned trees they arrived in. Keeping the arrivals apart until
 * a batch is cut means only the one arrival that straddles a batch boundary is ever split; whole arrivals are
 * merged by moving their resources. Not thread-safe: the shard guards it.
 */
final class PendingBatch<T extends Telemetry> {

    private record Part<T>(T data, int items) {
    }

    private final SignalShape<T> shape;
    private final ArrayDeque<Part<T>> parts = new ArrayDeque<>();
    private int items;

    PendingBatch(SignalShape<T> shape) {
        this.shape = shape;
    }

    /** Adds owned data holding {@code itemCount} items. */
    void add(T owned, int itemCount) {
        parts.addLast(new Part<>(owned, itemCount));
        items += itemCount;
    }

    int itemCount() {
        return items;
    }

    /**
     * Removes the oldest items and returns them as one tree: all of them when {@code maxItems} is 0 (no limit),
     * otherwise at most {@code maxItems}.
     *
     * @throws IllegalStateException when nothing is pending
     */
    T take(int maxItems) {
        if (items == 0) {
            throw new IllegalStateException("nothing pending");
        }
        int wanted = maxItems <= 0 ? items : Math.min(maxItems, items);
        T batch = null;
        int taken = 0;
        while (taken < wanted) {
            Part<T> part = parts.pollFirst();
            int missing = wanted - taken;
            if (part.items() > missing) {
                splitBack(part, missing, maxItems);
                continue;
            }
            if (batch == null) {
                batch = part.data();
            } else {
                shape.moveAll(part.data(), batch);
            }
            taken += part.items();
        }
        items -= taken;
        return batch;
    }

    /**
     * Cuts a part into a first piece of {@code first} items and pieces of at most {@code max} items, and puts
     * them back at the head of the queue in order, so that later takes find whole pieces.
     */
    private void splitBack(Part<T> part, int first, int max) {
        int pieces = 1 + (part.items() - first + max - 1) / max;
        int[] cuts = new int[pieces - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = first + i * max;
        }
        List<T> split = shape.split(part.data(), part.items(), cuts);
        for (int i = split.size() - 1; i >= 0; i--) {
            int start = i == 0 ? 0 : cuts[i - 1];
            int end = i == cuts.length ? part.items() : cuts[i];
            parts.addFirst(new Part<>(split.get(i), end - start));
        }
    }
}
