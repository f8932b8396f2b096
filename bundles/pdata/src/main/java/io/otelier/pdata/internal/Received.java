package io.otelier.pdata.internal;

import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.EncodedBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The protobuf bytes a batch was received as, kept instead of a decoded tree while nobody reads the data
 * (ARCHITECTURE decision 3): a pass-through pipeline (receiver, batch, exporter of the same protocol) re-sends
 * them without decoding or encoding. Only bytes the codec has checked to decode without error and without any
 * normalisation get here, so decoding them later gives exactly the tree an eager decode would have given.
 *
 * <p>A batch is a list of segments, each one complete {@code Export*ServiceRequest}: the only field of those
 * messages is the repeated list of resources, so segments written one after the other are the merged request,
 * and decoded one after the other they give the merged tree. Immutable from the outside: roots that share one
 * (a deep copy shares it) never see each other's appends, because an append to a shared segment log copies it
 * unless this view ends where the log ends.
 */
public final class Received implements EncodedBytes {

    /** Decodes one segment into a fresh, writable root. */
    @FunctionalInterface
    public interface Decoder {
        void decodeInto(byte[] bytes, int offset, int length, Telemetry root) throws Exception;
    }

    /** Append-only storage shared by the views created from each other by {@link #append}. */
    private static final class Log {
        byte[][] arrays = new byte[4][];
        int[] offsets = new int[4];
        int[] lengths = new int[4];
        int size;
    }

    private final Log log;
    private final int segments;
    private final long bytes;
    private final int resources;
    private final int items;
    private final int containers;
    private final Decoder decoder;
    private final KeepPolicy policy;

    private Received(Log log, int segments, long bytes, int resources, int items, int containers, Decoder decoder,
            KeepPolicy policy) {
        this.log = log;
        this.segments = segments;
        this.bytes = bytes;
        this.resources = resources;
        this.items = items;
        this.containers = containers;
        this.decoder = decoder;
        this.policy = policy;
    }

    /**
     * One received message. {@code containers} is what a signal counts besides resources and items (metrics for
     * metric data; 0 otherwise). How the batch ends (re-sent unread, or read) is reported to {@code policy}.
     */
    public static Received of(byte[] array, int offset, int length, int resources, int items, int containers,
            Decoder decoder, KeepPolicy policy) {
        Log log = new Log();
        log.arrays[0] = array;
        log.offsets[0] = offset;
        log.lengths[0] = length;
        log.size = 1;
        return new Received(log, 1, length, resources, items, containers, decoder, policy);
    }

    /** This batch followed by {@code next} (same signal), or null when the result would not fit one array. */
    public Received append(Received next) {
        if (bytes + next.bytes > Integer.MAX_VALUE - 8) {
            return null;
        }
        Log appended = next.snapshot();
        Log target;
        synchronized (log) {
            // this view ends where the log ends: extend the log in place, older views keep their length
            target = log.size == segments ? log : copyOf(log, segments);
            for (int i = 0; i < next.segments; i++) {
                add(target, appended.arrays[i], appended.offsets[i], appended.lengths[i]);
            }
        }
        return new Received(target, segments + next.segments, bytes + next.bytes, resources + next.resources,
                items + next.items, containers + next.containers, decoder, policy);
    }

    public int resources() {
        return resources;
    }

    public int items() {
        return items;
    }

    public int containers() {
        return containers;
    }

    /** The encoded size of the whole batch. */
    @Override
    public int size() {
        return (int) bytes;
    }

    /** The whole batch as one new array: it leaves unread. */
    public byte[] toByteArray() {
        policy.passedUnread();
        Log segmentLog = snapshot();
        byte[] out = new byte[size()];
        int at = 0;
        for (int i = 0; i < segments; i++) {
            System.arraycopy(segmentLog.arrays[i], segmentLog.offsets[i], out, at, segmentLog.lengths[i]);
            at += segmentLog.lengths[i];
        }
        return out;
    }

    /** Writes the whole batch: it leaves unread. */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        policy.passedUnread();
        Log segmentLog = snapshot();
        for (int i = 0; i < segments; i++) {
            out.write(segmentLog.arrays[i], segmentLog.offsets[i], segmentLog.lengths[i]);
        }
    }

    /**
     * Decodes every segment into {@code root}, which must be new and empty. The bytes were checked when they
     * arrived, so a failure here is a bug in that check: it is reported as such, not as bad input.
     */
    public void decodeInto(Telemetry root) {
        policy.read();
        Log segmentLog = snapshot();
        for (int i = 0; i < segments; i++) {
            try {
                decoder.decodeInto(segmentLog.arrays[i], segmentLog.offsets[i], segmentLog.lengths[i], root);
            } catch (Exception e) {
                throw new IllegalStateException("received OTLP bytes that passed the codec's check failed to decode", e);
            }
        }
    }

    /**
     * The log's arrays as they are now. Entries below this view's length never change once written, and arrays
     * are replaced (not changed) when they grow, so reading them after this synchronized read is safe.
     */
    private Log snapshot() {
        Log view = new Log();
        synchronized (log) {
            view.arrays = log.arrays;
            view.offsets = log.offsets;
            view.lengths = log.lengths;
            view.size = segments;
        }
        return view;
    }

    private static Log copyOf(Log source, int segments) {
        Log copy = new Log();
        int capacity = Math.max(4, Integer.highestOneBit(segments) * 2);
        copy.arrays = Arrays.copyOf(source.arrays, capacity);
        copy.offsets = Arrays.copyOf(source.offsets, capacity);
        copy.lengths = Arrays.copyOf(source.lengths, capacity);
        copy.size = segments;
        Arrays.fill(copy.arrays, segments, capacity, null);
        return copy;
    }

    private static void add(Log log, byte[] array, int offset, int length) {
        if (log.size == log.arrays.length) {
            int capacity = log.size * 2;
            log.arrays = Arrays.copyOf(log.arrays, capacity);
            log.offsets = Arrays.copyOf(log.offsets, capacity);
            log.lengths = Arrays.copyOf(log.lengths, capacity);
        }
        log.arrays[log.size] = array;
        log.offsets[log.size] = offset;
        log.lengths[log.size] = length;
        log.size++;
    }
}
