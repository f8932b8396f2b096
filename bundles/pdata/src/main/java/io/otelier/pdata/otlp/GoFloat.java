package io.otelier.pdata.otlp;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * Formats a finite double as Go's {@code strconv.FormatFloat(v, f, -1, 64)} with {@code f} = 'e' below 1e-6 and
 * from 1e21 up, 'f' otherwise: what upstream's OTLP/JSON marshaler (json-iterator's WriteFloat64) writes. The
 * digits are the shortest that read back to the same double (Schubfach, via Jackson), as Go's are.
 */
final class GoFloat {

    private GoFloat() {
    }

    static String format(double value) {
        if (value == 0) {
            return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
        }
        // Java's form: "123.45", "1.0E-7", "-1.2345E21"; take its digits and decimal exponent apart
        String java = NumberOutput.toString(value, true);
        int start = java.charAt(0) == '-' ? 1 : 0;
        int e = java.indexOf('E');
        int mantissaEnd = e < 0 ? java.length() : e;
        int exponent = e < 0 ? 0 : Integer.parseInt(java, e + 1, java.length(), 10);
        StringBuilder digits = new StringBuilder(24);
        int point = -1;
        for (int i = start; i < mantissaEnd; i++) {
            char c = java.charAt(i);
            if (c == '.') {
                point = digits.length();
            } else {
                digits.append(c);
            }
        }
        if (point < 0) {
            point = digits.length();
        }
        // value = 0.<digits> * 10^(point + exponent), once leading and trailing zeros are gone
        int leading = 0;
        while (leading < digits.length() - 1 && digits.charAt(leading) == '0') {
            leading++;
        }
        digits.delete(0, leading);
        point -= leading;
        int length = digits.length();
        while (length > 1 && digits.charAt(length - 1) == '0') {
            length--;
        }
        digits.setLength(length);
        int decimalExponent = point + exponent;
        if (length == 2) {
            // Java prints at least two digits where Go's shortest may have one (4.9E-324 is Go's 5e-324)
            int oneDigit = shortestSingleDigit(Math.abs(value), digits.charAt(0) - '0', decimalExponent);
            if (oneDigit > 0) {
                digits.setLength(0);
                digits.append((char) ('0' + oneDigit % 10));
                length = 1;
                decimalExponent += oneDigit == 10 ? 1 : 0;
                if (oneDigit == 10) {
                    digits.setCharAt(0, '1');
                }
            }
        }

        StringBuilder out = new StringBuilder(32);
        if (start == 1) {
            out.append('-');
        }
        double abs = Math.abs(value);
        if (abs < 1e-6 || abs >= 1e21) {
            out.append(digits.charAt(0));
            if (length > 1) {
                out.append('.').append(digits, 1, length);
            }
            int shown = decimalExponent - 1;
            out.append('e').append(shown < 0 ? '-' : '+');
            int magnitude = Math.abs(shown);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (decimalExponent <= 0) {
            out.append("0.");
            for (int i = decimalExponent; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (decimalExponent >= length) {
            out.append(digits);
            for (int i = length; i < decimalExponent; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, decimalExponent).append('.').append(digits, decimalExponent, length);
        }
        return out.toString();
    }

    /**
     * The single digit d (1..10, 10 meaning the next power of ten) such that d * 10^(decimalExponent - 1) reads
     * back as {@code abs}, the one closer to it when both neighbours of the two-digit form do; 0 when none does.
     */
    private static int shortestSingleDigit(double abs, int firstDigit, int decimalExponent) {
        BigDecimal lower = BigDecimal.valueOf(firstDigit).scaleByPowerOfTen(decimalExponent - 1);
        BigDecimal upper = BigDecimal.valueOf(firstDigit + 1L).scaleByPowerOfTen(decimalExponent - 1);
        boolean lowerFits = lower.doubleValue() == abs;
        boolean upperFits = upper.doubleValue() == abs;
        if (lowerFits && upperFits) {
            BigDecimal exact = new BigDecimal(abs);
            return exact.subtract(lower).compareTo(upper.subtract(exact)) <= 0 ? firstDigit : firstDigit + 1;
        }
        return lowerFits ? firstDigit : upperFits ? firstDigit + 1 : 0;
    }
}
