package io.otelier.receiver.prometheus.internal;

import java.time.Duration;

/**
 * Prometheus's duration syntax ({@code model.ParseDuration}): unit-suffixed integers largest first, e.g.
 * {@code 1h30m}, {@code 15s}, {@code 500ms}, with {@code y} = 365d and {@code w} = 7d; {@code 0} alone is
 * zero. Printing ({@link #format}) gives the form Prometheus puts in {@code __scrape_interval__}.
 */
final class PromDuration {

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000,
        1000, 1};

    private PromDuration() {
    }

    /** @throws IllegalArgumentException naming the input when it is not a Prometheus duration */
    static Duration parse(String s) {
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration string");
        }
        long millis = 0;
        int i = 0;
        int lastUnit = -1;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw invalid(s);
            }
            long n;
            try {
                n = Long.parseLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw invalid(s);
            }
            int unit = -1;
            for (int u = UNITS.length - 1; u >= 0; u--) {
                if (s.startsWith(UNITS[u], i) && (u != 4 || !s.startsWith("ms", i))) {
                    unit = u;
                    break;
                }
            }
            if (unit <= lastUnit) {
                throw invalid(s);
            }
            lastUnit = unit;
            i += UNITS[unit].length();
            millis = Math.addExact(millis, Math.multiplyExact(n, UNIT_MILLIS[unit]));
        }
        return Duration.ofMillis(millis);
    }

    private static IllegalArgumentException invalid(String s) {
        return new IllegalArgumentException("not a valid duration string: \"" + s + "\"");
    }

    /** Prometheus's {@code model.Duration.String()}: {@code 0s}, {@code 15s}, {@code 1m30s}, {@code 1w2d}. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < UNITS.length; u++) {
            long n = ms / UNIT_MILLIS[u];
            if (n > 0) {
                sb.append(n).append(UNITS[u]);
                ms -= n * UNIT_MILLIS[u];
            }
        }
        return sb.toString();
    }
}
