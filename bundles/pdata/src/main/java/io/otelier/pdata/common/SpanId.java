package io.otelier.pdata.common;

import java.util.Objects;

/** An 8-byte span id; immutable. All zero is the empty (invalid) id. Held as one big-endian long. */
public final class SpanId {

    public static final int LENGTH = 8;
    public static final SpanId EMPTY = new SpanId(0);

    private final long value;

    private SpanId(long value) {
        this.value = value;
    }

    /** The id whose 8 bytes are {@code value}, big-endian. */
    public static SpanId fromLong(long value) {
        return value == 0 ? EMPTY : new SpanId(value);
    }

    /** Exactly 8 bytes (copied). */
    public static SpanId fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a span id has 8 bytes, got " + bytes.length);
        }
        return fromLong(Hex.readLong(bytes, 0));
    }

    /** Exactly 16 hex digits (either case), or "" for {@link #EMPTY} (as upstream's OTLP/JSON reads ids). */
    public static SpanId fromHex(CharSequence hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() == 0) {
            return EMPTY;
        }
        if (hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException(
                    "invalid span id \"" + hex + "\": want 16 hex digits, got " + hex.length() + " characters");
        }
        return fromLong(Hex.parseLong(hex, 0, "span id"));
    }

    public boolean isEmpty() {
        return value == 0;
    }

    /** The 8 bytes as a big-endian long. */
    public long asLong() {
        return value;
    }

    /** A fresh copy of the 8 bytes. */
    public byte[] bytes() {
        byte[] bytes = new byte[LENGTH];
        Hex.writeLong(bytes, 0, value);
        return bytes;
    }

    /** 16 lower-case hex digits. */
    public String toHex() {
        char[] out = new char[2 * LENGTH];
        Hex.appendLong(out, 0, value);
        return new String(out);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SpanId that && value == that.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
