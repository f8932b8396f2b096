package io.otelier.helper.prometheus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Float formatting as the Go translators write {@code le} and {@code quantile} label values. */
public final class GoFloat {

    private GoFloat() {
    }

    /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent. */
    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
        }
        return shortest(v).toPlainString();
    }

    /**
     * Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}, as the exposition formats write sample values and
     * {@code le}/{@code quantile}: shortest digits, with an exponent of at least two digits when the decimal
     * exponent is below -4 or at least 6 (Go fixes the precision for that choice at 6 in shortest mode).
     */
    public static String general(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
        }
        BigDecimal d = shortest(v);
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = d.unscaledValue().abs().toString();
            StringBuilder out = new StringBuilder(v < 0 ? "-" : "").append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            return out.append(abs < 10 ? "0" : "").append(abs).toString();
        }
        return d.toPlainString();
    }

    /** The fewest significant digits that read back as v (Java 17's Double.toString is not always shortest). */
    private static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == v) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
