package io.otelier.pdata.otlp;

import java.util.Arrays;

/**
 * The sizes of the nested messages of one encode: the sizing pass reserves a slot for every length-delimited
 * message in the order it will be written (pre-order) and fills it once the body is measured; the writing pass
 * takes them back in the same order to write each length prefix. So every body is measured once and written once,
 * straight into the output, with no intermediate buffers. Strings the sizing pass had to convert to UTF-8 to
 * measure (attribute keys and values) are kept the same way, so the writing pass copies instead of converting.
 */
final class SizeCache {

    private int[] sizes = new int[64];
    private int reserved;
    private int taken;
    // UTF-8 bytes the sizing pass converted, in writing order, for the writing pass to copy
    private byte[][] kept = new byte[64][];
    private int keptCount;
    private int keptTaken;

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

    /** Keeps {@code bytes} for the writing pass (which gets them back in the same order); returns them. */
    byte[] keep(byte[] bytes) {
        if (keptCount == kept.length) {
            kept = Arrays.copyOf(kept, keptCount * 2);
        }
        kept[keptCount++] = bytes;
        return bytes;
    }

    /** The next bytes kept by the sizing pass. */
    byte[] takeKept() {
        if (keptTaken == keptCount) {
            // the tree changed between the passes; reported as such by OtlpProto
            throw new ArrayIndexOutOfBoundsException("no more kept bytes");
        }
        return kept[keptTaken++];
    }

    /** True when the writing pass took exactly the slots and bytes the sizing pass reserved and kept. */
    boolean allTaken() {
        return taken == reserved && keptTaken == keptCount;
    }
}
