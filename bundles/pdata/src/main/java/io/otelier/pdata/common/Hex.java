package io.otelier.pdata.common;

/** Lower-case hex of ids, without intermediate byte arrays. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static void appendLong(char[] out, int offset, long value) {
        for (int i = 15; i >= 0; i--) {
            out[offset + i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    /** Parses 16 hex digits (either case) starting at {@code offset}. */
    static long parseLong(CharSequence hex, int offset, String what) {
        long value = 0;
        for (int i = 0; i < 16; i++) {
            int digit = digit(hex.charAt(offset + i));
            if (digit < 0) {
                throw new IllegalArgumentException("invalid " + what + " \"" + hex + "\": not hex");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** ASCII only: Character.digit would also accept other scripts' digits. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
