package io.otelier.runtime.internal.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} and {@code time.Duration.String()}, so that durations in configs read
 * and print exactly as upstream's: "1h2m3.5s", "200ms", "1µs", "5ns", "0s". Like Go, the range is that of
 * a signed 64-bit count of nanoseconds and fractions below a nanosecond are dropped.
 */
public final class GoDuration {

    static final String VALID_UNITS = "ns, us, ms, s, m, h";
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN_NANOS = BigInteger.valueOf(Long.MIN_VALUE);

    private GoDuration() {
    }

    /**
     * Parses a Go duration: an optional sign, then one or more decimal numbers each followed by a unit
     * ({@code ns}, {@code us} or {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}). "0" alone needs no unit.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\"");
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(numberStart, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\"");
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("missing unit in duration \"" + text + "\" (valid units: "
                        + VALID_UNITS + ")");
            }
            long unitNanos = unitNanos(unit);
            if (unitNanos < 0) {
                throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text
                        + "\" (valid units: " + VALID_UNITS + ")");
            }
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number)
                    .multiply(BigDecimal.valueOf(unitNanos)));
        }
        BigInteger nanos = total.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        if (negative) {
            nanos = nanos.negate();
        }
        if (nanos.compareTo(MAX_NANOS) > 0 || nanos.compareTo(MIN_NANOS) < 0) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\": out of range");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1L;
        };
    }

    /** Formats as Go's {@code Duration.String()} does; durations beyond Go's range are clamped to it. */
    public static String format(Duration duration) {
        long nanos = toNanosClamped(duration);
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        BigInteger magnitude = BigInteger.valueOf(nanos).abs();
        long abs = magnitude.min(MAX_NANOS).longValue();
        if (magnitude.compareTo(BigInteger.valueOf(1_000_000_000L)) < 0) {
            if (abs < 1_000L) {
                return sign + abs + "ns";
            }
            if (abs < 1_000_000L) {
                return sign + decimal(abs, 1_000L) + "µs";
            }
            return sign + decimal(abs, 1_000_000L) + "ms";
        }
        BigInteger[] hoursAndRest = magnitude.divideAndRemainder(BigInteger.valueOf(3_600_000_000_000L));
        long rest = hoursAndRest[1].longValue();
        long minutes = rest / 60_000_000_000L;
        long secondNanos = rest % 60_000_000_000L;
        StringBuilder out = new StringBuilder(sign);
        if (hoursAndRest[0].signum() > 0) {
            out.append(hoursAndRest[0]).append('h');
        }
        if (hoursAndRest[0].signum() > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(secondNanos, 1_000_000_000L)).append('s').toString();
    }

    private static long toNanosClamped(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code value / unit} with the fraction's trailing zeros dropped, as Go prints it. */
    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
