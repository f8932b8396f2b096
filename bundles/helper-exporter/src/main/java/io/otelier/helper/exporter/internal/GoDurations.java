package io.otelier.helper.exporter.internal;

import java.math.BigDecimal;

/** Go's {@code time.Duration.String()}, for log fields that upstream prints that way ("7.5s", "1m4.2s"). */
final class GoDurations {

    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private GoDurations() {
    }

    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos == Long.MIN_VALUE) {
            return "-2562047h47m16.854775808s";
        }
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs < MICRO) {
            return sign + abs + "ns";
        }
        if (abs < MILLI) {
            return sign + decimal(abs, MICRO) + "µs";
        }
        if (abs < SECOND) {
            return sign + decimal(abs, MILLI) + "ms";
        }
        StringBuilder out = new StringBuilder(sign);
        long hours = abs / HOUR;
        long minutes = abs % HOUR / MINUTE;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(decimal(abs % MINUTE, SECOND)).append('s').toString();
    }

    /** {@code value / unit} without trailing zeros in the fraction. */
    private static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
