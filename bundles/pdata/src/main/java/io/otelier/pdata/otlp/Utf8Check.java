package io.otelier.pdata.otlp;

/**
 * Well-formed UTF-8 as Java's decoder accepts it (RFC 3629: shortest forms only, no surrogates, nothing above
 * U+10FFFF): exactly the byte strings that decode to a string and encode back to the same bytes.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    static boolean isValid(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            // ASCII runs four bytes at a time: any byte with its top bit set makes the OR negative
            while (i + 4 <= end && (bytes[i] | bytes[i + 1] | bytes[i + 2] | bytes[i + 3]) >= 0) {
                i += 4;
            }
            if (i == end) {
                break;
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            if (b >= (byte) 0xC2 && b <= (byte) 0xDF) { // 2 bytes
                if (i + 1 >= end || !isContinuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b >= (byte) 0xE0 && b <= (byte) 0xEF) { // 3 bytes
                if (i + 2 >= end || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                if (b == (byte) 0xE0 && second < 0xA0 || b == (byte) 0xED && second > 0x9F) {
                    return false; // overlong, or a surrogate
                }
                i += 3;
            } else if (b >= (byte) 0xF0 && b <= (byte) 0xF4) { // 4 bytes
                if (i + 3 >= end || !isContinuation(bytes[i + 1]) || !isContinuation(bytes[i + 2])
                        || !isContinuation(bytes[i + 3])) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                if (b == (byte) 0xF0 && second < 0x90 || b == (byte) 0xF4 && second > 0x8F) {
                    return false; // overlong, or above U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
