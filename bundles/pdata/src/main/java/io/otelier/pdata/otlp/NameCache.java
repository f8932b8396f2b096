package io.otelier.pdata.otlp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings that repeat from request to request (attribute keys, span, metric and scope names, units,
 * severity texts), each with its UTF-8 bytes, shared by every decode and encode in the process.
 *
 * <p>Decoding a name found here returns the cached {@link String} instead of a new one, so a batch of thousands
 * of spans holds each key once and decoding allocates nothing for it; encoding a name found here copies its bytes
 * instead of measuring and converting its characters twice (sizing pass, then writing pass).
 *
 * <p>Only ASCII names are cached: their bytes and characters map one to one, so a cached string is exactly what
 * decoding its bytes gives and encoding it writes (a malformed or surrogate sequence never gets in). Only decoding
 * adds names, so the table holds what clients send, and names built by processors simply miss.
 *
 * <p>Two fixed tables of slots, one entry each, replaced on collision: bounded memory, no locks. Decoding looks
 * entries up by a cheap hash of the bytes (length and at most sixteen of them), encoding by the string's own
 * (cached) hash code; a hit is always confirmed by comparing content. Entries are immutable, so a thread reading
 * a slot another thread is writing sees the old entry, the new one, or none, each complete.
 */
final class NameCache {

    /** Longer strings are not cached: they are rarely names, and would make the tables' worst case large. */
    static final int MAX_BYTES = 96;
    private static final int SLOT_BITS = 10;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private record Entry(byte[] utf8, String value) {
    }

    private static final Entry[] BY_BYTES = new Entry[1 << SLOT_BITS];
    private static final Entry[] BY_STRING = new Entry[1 << SLOT_BITS];

    private NameCache() {
    }

    /**
     * The string of the UTF-8 bytes {@code buffer[offset, offset + length)}, as {@code new String(…, UTF_8)}
     * makes it (a malformed sequence becomes U+FFFD), preferably the cached instance.
     */
    static String decode(byte[] buffer, int offset, int length) {
        if (length > MAX_BYTES) {
            return new String(buffer, offset, length, StandardCharsets.UTF_8);
        }
        int slot = bytesSlot(buffer, offset, length);
        Entry entry = BY_BYTES[slot];
        if (entry != null && Arrays.equals(entry.utf8, 0, entry.utf8.length, buffer, offset, offset + length)) {
            return entry.value;
        }
        String value = new String(buffer, offset, length, StandardCharsets.UTF_8);
        if (value.length() == length && isAscii(buffer, offset, length)) {
            entry = new Entry(Arrays.copyOfRange(buffer, offset, offset + length), value);
            BY_BYTES[slot] = entry;
            BY_STRING[stringSlot(value)] = entry;
        }
        return value;
    }

    /** The UTF-8 bytes of {@code value} when it is a cached name, else null. The array must not be modified. */
    static byte[] utf8(String value) {
        Entry entry = BY_STRING[stringSlot(value)];
        return entry != null && (entry.value == value || entry.value.equals(value)) ? entry.utf8 : null;
    }

    private static int bytesSlot(byte[] buffer, int offset, int length) {
        long bits;
        if (length >= 8) {
            // the first and the last eight bytes (overlapping when shorter than sixteen)
            bits = (long) LONGS.get(buffer, offset) * 31 + (long) LONGS.get(buffer, offset + length - 8);
        } else {
            bits = 0;
            for (int i = offset, end = offset + length; i < end; i++) {
                bits = bits << 8 | (buffer[i] & 0xFF);
            }
        }
        return (int) ((bits + length) * 0x9E3779B97F4A7C15L >>> (64 - SLOT_BITS));
    }

    private static int stringSlot(String value) {
        int hash = value.hashCode();
        return (hash ^ hash >>> SLOT_BITS) & ((1 << SLOT_BITS) - 1);
    }

    private static boolean isAscii(byte[] buffer, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (buffer[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
