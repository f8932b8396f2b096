package io.otelier.receiver.prometheus.internal;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.ParseFloat} on a byte range, as the exposition parsers use it: decimal and hex floats,
 * and {@code Inf}, {@code +Inf}, {@code -Inf}, {@code Infinity}, {@code NaN} in any case. Plain decimals with
 * at most 15 significant digits and a small exponent are computed without allocating (exact: both the
 * mantissa and the power of ten are exact doubles); everything else goes through {@link Double#parseDouble}.
 */
final class FloatParser {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private FloatParser() {
    }

    /** @throws NumberFormatException when the range is not a Go float */
    static double parse(byte[] b, int start, int end) {
        if (start >= end) {
            throw new NumberFormatException("empty number");
        }
        double fast = fastDecimal(b, start, end);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        return slow(b, start, end);
    }

    /** NaN when the fast path does not apply (NaN itself is never a fast-path result). */
    private static double fastDecimal(byte[] b, int start, int end) {
        int i = start;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean seenDot = false;
        boolean any = false;
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa == 0 && c == '0') {
                    if (seenDot) {
                        fractionDigits++;
                    }
                    continue;
                }
                if (++digits > 15) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (seenDot) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else {
                break;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < end) {
            if (b[i] != 'e' && b[i] != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negExp = false;
            if (i < end && (b[i] == '-' || b[i] == '+')) {
                negExp = b[i] == '-';
                i++;
            }
            if (i == end) {
                return Double.NaN;
            }
            for (; i < end; i++) {
                byte c = b[i];
                if (c < '0' || c > '9' || exponent > 1000) {
                    return Double.NaN;
                }
                exponent = exponent * 10 + (c - '0');
            }
            exponent = negExp ? -exponent : exponent;
        }
        int scale = exponent - fractionDigits;
        double value;
        if (mantissa == 0) {
            value = 0;
        } else if (scale >= 0 && scale <= 22) {
            value = mantissa * POWERS_OF_TEN[scale];
        } else if (scale < 0 && scale >= -22) {
            value = mantissa / POWERS_OF_TEN[-scale];
        } else {
            return Double.NaN;
        }
        return negative ? -value : value;
    }

    private static double slow(byte[] b, int start, int end) {
        String s = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        String lower = unsigned.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (!looksNumeric(unsigned)) {
            throw new NumberFormatException("invalid number \"" + s + "\"");
        }
        return Double.parseDouble(s);
    }

    /** Keeps out what Java accepts and Go does not: type suffixes (1d, 1f), whitespace, words. */
    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean hex = s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X');
        for (int i = hex ? 2 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-'
                    || (hex ? (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == 'p' || c == 'P'
                            : c == 'e' || c == 'E');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
