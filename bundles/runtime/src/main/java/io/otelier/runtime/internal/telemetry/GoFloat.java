package io.otelier.runtime.internal.telemetry;

import java.math.BigDecimal;

/**
 * Formats floating-point numbers as Go's {@code strconv.FormatFloat(v, fmt, -1, 64)} does, so that our
 * exposition and log output read exactly like upstream's: Prometheus samples use {@code 'g'}
 * ({@code 1.234567e+06}), zap's JSON fields use {@code 'f'} ({@code 0.25}, never an exponent).
 */
final class GoFloat {

    /** Go switches {@code 'g'} to exponent form from this decimal exponent on when printing shortest digits. */
    private static final int G_EXPONENT_THRESHOLD = 6;

    private GoFloat() {
    }

    /** {@code strconv.FormatFloat(v, 'g', -1, 64)}. */
    static String formatG(double v) {
        // Counters and gauges are mostly whole numbers below 1e6, which Go prints as plain integers: no digit
        // generation needed (it is most of a scrape's cost otherwise). -0 takes the general path.
        if (v == (long) v && Math.abs(v) < 1e6 && (v != 0 || Double.doubleToRawLongBits(v) == 0)) {
            return Long.toString((long) v);
        }
        return formatGDigits(v);
    }

    /** {@link #formatG} without the integer shortcut. */
    static String formatGDigits(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        Digits d = Digits.of(v);
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 || isNegativeZero(v)) {
            sb.append('-');
        }
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        if (exp < -4 || exp >= G_EXPONENT_THRESHOLD) {
            appendExponent(sb, d);
        } else {
            appendFixed(sb, d);
        }
        return sb.toString();
    }

    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}; NaN and infinities as Go prints them. */
    static String formatF(double v) {
        String special = special(v);
        if (special != null) {
            return special;
        }
        StringBuilder sb = new StringBuilder(24);
        if (v < 0 || isNegativeZero(v)) {
            sb.append('-');
        }
        appendFixed(sb, Digits.of(v));
        return sb.toString();
    }

    /** {@code strconv.FormatFloat(float64(v), 'f', -1, 32)}: the shortest digits of the float itself. */
    static String formatF(float v) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            return special(v);
        }
        StringBuilder sb = new StringBuilder(16);
        if (v < 0 || (v == 0 && 1 / v < 0)) {
            sb.append('-');
        }
        appendFixed(sb, Digits.parse(Float.toString(Math.abs(v))));
        return sb.toString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static boolean isNegativeZero(double v) {
        return v == 0 && Double.doubleToRawLongBits(v) != 0;
    }

    /** Go's fmtE with the shortest digits: d.ddde±XX. */
    private static void appendExponent(StringBuilder sb, Digits d) {
        String digits = d.digits();
        sb.append(d.nd() == 0 ? '0' : digits.charAt(0));
        if (d.nd() > 1) {
            sb.append('.').append(digits, 1, d.nd());
        }
        int exp = d.nd() == 0 ? 0 : d.dp() - 1;
        sb.append('e').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            sb.append('0');
        }
        sb.append(exp);
    }

    /** Go's fmtF with as many fraction digits as the shortest representation needs. */
    private static void appendFixed(StringBuilder sb, Digits d) {
        String digits = d.digits();
        int nd = d.nd();
        int dp = d.dp();
        if (dp > 0) {
            int m = Math.min(nd, dp);
            sb.append(digits, 0, m);
            for (int i = m; i < dp; i++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        int fraction = Math.max(nd - dp, 0);
        if (fraction > 0) {
            sb.append('.');
            for (int i = 1; i <= fraction; i++) {
                int j = dp + i - 1;
                sb.append(j >= 0 && j < nd ? digits.charAt(j) : '0');
            }
        }
    }

    /** Shortest decimal digits of |v| (no leading or trailing zeros) and the decimal point position: 0.digits × 10^dp. */
    private record Digits(String digits, int dp) {

        int nd() {
            return digits.length();
        }

        static Digits of(double v) {
            double abs = Math.abs(v);
            if (abs == 0) {
                return new Digits("", 0);
            }
            // Whole numbers below 2^53 (every counter in practice) are exact: take their digits directly.
            if (abs < 0x1p53 && abs == Math.rint(abs)) {
                return parse(Long.toString((long) abs));
            }
            return parse(Double.toString(abs));
        }

        static Digits parse(String decimal) {
            BigDecimal bd = new BigDecimal(decimal);
            if (bd.signum() == 0) {
                return new Digits("", 0);
            }
            bd = bd.stripTrailingZeros();
            String unscaled = bd.unscaledValue().toString();
            return new Digits(unscaled, unscaled.length() - bd.scale());
        }
    }
}
