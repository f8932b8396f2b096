package io.otelier.helper.stanza.internal.expr;

import java.math.BigDecimal;

/** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} as fmt's %v prints a float64. */
public final class GoFloatFormat {

    private GoFloatFormat() {
    }

    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 21) {
            String digits = shortest.unscaledValue().abs().toString();
            StringBuilder b = new StringBuilder();
            if (d < 0) {
                b.append('-');
            }
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                b.append('0');
            }
            b.append(abs);
            return b.toString();
        }
        return shortest.toPlainString();
    }
}
