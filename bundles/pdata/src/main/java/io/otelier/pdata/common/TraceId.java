package io.otelier.pdata.common;

import java.util.Objects;

/** A 16-byte trace id; immutable. All zero is the empty (invalid) id. Held as two longs, big-endian. */
public final class TraceId {

    public static final int LENGTH = 16;
    public static final TraceId EMPTY = new TraceId(0, 0);

    private final long high;
    private final long low;

    private TraceId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The id whose first 8 bytes are {@code high} and last 8 bytes {@code low}, big-endian. */
    public static TraceId fromLongs(long high, long low) {
        return high == 0 && low == 0 ? EMPTY : new TraceId(high, low);
    }

    /** Exactly 16 bytes (copied). */
    public static TraceId fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a trace id has 16 bytes, got " + bytes.length);
        }
        return fromLongs(Hex.readLong(bytes, 0), Hex.readLong(bytes, 8));
    }

    /** Exactly 32 hex digits (either case), or "" for {@link #EMPTY} (as upstream's OTLP/JSON reads ids). */
    public static TraceId fromHex(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() == 0) {
            return EMPTY;
        }
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException(
                    "invalid trace id \"" + hex + "\": want 32 hex digits, got " + hex.length() + " characters");
        }
        return fromLongs(Hex.parseLong(hex, 0, "trace id"), Hex.parseLong(hex, 16, "trace id"));
    }

    public boolean isEmpty() {
        return high == 0 && low == 0;
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    /** A fresh copy of the 16 bytes. */
    public byte[] bytes() {
        byte[] bytes = new byte[LENGTH];
        Hex.writeLong(bytes, 0, high);
        Hex.writeLong(bytes, 8, low);
        return bytes;
    }

    /** 32 lower-case hex digits. */
    public String toHex() {
        char[] out = new char[2 * LENGTH];
        Hex.appendLong(out, 0, high);
        Hex.appendLong(out, 16, low);
        return new String(out);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TraceId that && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
