package io.otelier.pdata.otlp;

import java.util.Arrays;

/**
 * The sizes of the nested messages of one encode: the sizing pass reserves a slot for every length-delimited
 * message in the order it will be written (pre-order) and fills it once the body is measured; the writing pass
 * takes them back in the same order to write each length prefix. So every body is measured once and written once,
 * straight into the output, with no intermediate buffers.
 */
final class SizeCache {

    private int[] sizes = new int[64];
    private int reserved;
    private int taken;

    /** Reserves the slot of the next message; fill it with {@link #set} once its body is measured. */
    int reserve() {
        if (reserved == sizes.length) {
            sizes = Arrays.copyOf(sizes, reserved * 2);
        }
        return reserved++;
    }

    void set(int slot, int bodySize) {
        sizes[slot] = bodySize;
    }

    /** The body size of the next message to write. */
    int take() {
        return sizes[taken++];
    }

    /** True when the writing pass took exactly the slots the sizing pass reserved. */
    boolean allTaken() {
        return taken == reserved;
    }
}
