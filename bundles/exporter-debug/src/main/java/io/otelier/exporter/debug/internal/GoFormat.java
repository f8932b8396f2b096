package io.otelier.exporter.debug.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Go's fmt and time printing, as far as upstream's debug output uses it. The output format is upstream's, so
 * numbers must come out as Go prints them: {@code %v} (shortest round-trip digits, exponent form below 1e-4
 * and from 1e6 on), {@code %f} (exact decimal rounded half-even to six places) and {@code time.Time.String()}.
 */
final class GoFormat {


    private GoFormat() {
    }

    /** Go's {@code %v} for a float64, e.g. 0.1, 2.5, 1e+06, 1.23e-07, +Inf. */
    static String v(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        if (value == 0) {
            return isNegativeZero(value) ? "-0" : "0";
        }
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int pointAt = digits.length() - shortest.scale(); // the value is 0.<digits> * 10^pointAt
        int exponent = pointAt - 1;
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 6) {
            appendExponentForm(out, digits, exponent);
        } else {
            appendPlainForm(out, digits, pointAt);
        }
        return out.toString();
    }

    /** Go's {@code %f} for a float64, e.g. 0.100000, -0.000000, NaN. */
    static String f(double value) {
        String special = special(value);
        if (special != null) {
            return special;
        }
        String text = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = value < 0 || isNegativeZero(value);
        return negative && text.charAt(0) != '-' ? "-" + text : text;
    }

    /** Go's {@code time.Unix(0, nanos).UTC().String()}, e.g. 2020-02-11 20:26:13.000000789 +0000 UTC. */
    static String timestamp(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, 1_000_000_000L);
        int nanos = (int) Math.floorMod(unixNanos, 1_000_000_000L);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(40);
        out.append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond()));
        if (nanos != 0) {
            String fraction = String.format(Locale.ROOT, "%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        return out.append(" +0000 UTC").toString();
    }

    /**
     * Go's String() of a pdata enum: the Java constant in CamelCase, e.g. EXPONENTIAL_HISTOGRAM becomes
     * ExponentialHistogram and TRACE2 becomes Trace2.
     */
    static String enumName(Enum<?> constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.name().split("_")) {
            if (!part.isEmpty()) {
                out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static boolean isNegativeZero(double value) {
        return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
    }

    /**
     * The shortest decimal that reads back as {@code abs} (positive, finite), and of those the nearest, as Go's
     * strconv picks it. Java 17's Double.toString is not always shortest, hence the search. Where the rounding
     * interval is lopsided (at powers of two) the nearest decimal of a length can miss it while its neighbour
     * hits, so the neighbours are tried too.
     */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == abs) {
                return nearest.stripTrailingZeros();
            }
            for (BigDecimal neighbour : neighbours(nearest)) {
                if (neighbour.precision() == precision && neighbour.doubleValue() == abs) {
                    return neighbour.stripTrailingZeros();
                }
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static BigDecimal[] neighbours(BigDecimal nearest) {
        BigDecimal unit = nearest.ulp();
        BigDecimal below = nearest.subtract(unit);
        return below.signum() > 0 ? new BigDecimal[] {nearest.add(unit), below}
                : new BigDecimal[] {nearest.add(unit)};
    }

    private static void appendExponentForm(StringBuilder out, String digits, int exponent) {
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }

    private static void appendPlainForm(StringBuilder out, String digits, int pointAt) {
        if (pointAt <= 0) {
            out.append("0.").append("0".repeat(-pointAt)).append(digits);
        } else if (pointAt >= digits.length()) {
            out.append(digits).append("0".repeat(pointAt - digits.length()));
        } else {
            out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
        }
    }
}
