package io.otelier.exporter.debug.internal;

/**
 * Bucket boundaries of an exponential histogram as upstream computes them for printing: base^index with
 * base = 2^(2^-scale), i.e. {@code math.Exp(index * math.Ldexp(math.Ln2, -scale))}.
 *
 * <p>Normal verbosity prints these with shortest round-trip digits, so the last bit shows. Go's math.Exp is
 * not one function: amd64 runs an assembly routine (exp_amd64.s, after SLEEF), with fused multiply-adds on
 * CPUs that have them; other platforms differ again. {@link #exp} reproduces the amd64 FMA variant, the usual
 * server build, bit for bit (checked against Go's own results in go-format.tsv).
 */
final class ExponentialBuckets {

    /** Go's math.Ln2 rounded to a double. */
    private static final double LN2 = 0.6931471805599453;
    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split in two so that k * LN2_HIGH is exact. */
    private static final double LN2_HIGH = 0.69314718055966295651160180568695068359375;
    private static final double LN2_LOW = 0.28235290563031577122588448175013436025525412068e-12;
    private static final double OVERFLOW = 7.09782712893384e+02;
    /** Taylor coefficients 1/8! … 1/3!, then 1/2 and 1 (exp_amd64.s's exprodata). */
    private static final double[] TAYLOR = {
        2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3,
        4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0};

    private ExponentialBuckets() {
    }

    /** ln(base) for this scale: Go's {@code math.Ldexp(math.Ln2, -scale)}. */
    static double factor(int scale) {
        return Math.scalb(LN2, -scale);
    }

    /** The boundary base^index (a bucket's lower bound, or with index + 1 its upper bound). */
    static double boundary(double index, double factor) {
        return exp(index * factor);
    }

    /**
     * e^x exactly as Go's amd64 math.Exp computes it with FMA: x = k ln2 + r, then e^(r/16) by a Taylor
     * polynomial, squared four times (as e^y - 1, to keep precision), times 2^k.
     */
    static double exp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x > OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        int k = (int) Math.rint(LOG2E * x); // CVTSD2SL: round half to even, saturating
        double kd = k;
        double r = Math.fma(-LN2_HIGH, kd, x);
        r = Math.fma(-LN2_LOW, kd, r);
        r *= 0.0625;
        double poly = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) {
            poly = Math.fma(poly, r, TAYLOR[i]);
        }
        double em1 = r * poly; // e^r - 1 for the reduced r
        for (int i = 0; i < 3; i++) {
            em1 *= em1 + 2.0; // (e^y - 1)(e^y + 1) = e^2y - 1
        }
        double result = Math.fma(em1, em1 + 2.0, 1.0);
        return scaleByPowerOfTwo(result, k);
    }

    /** The assembly's ldexp tail: biased exponent checks, and two steps for subnormal results. */
    private static double scaleByPowerOfTwo(double value, int k) {
        long biased = (long) k + 0x3FF;
        if (biased >= 0x7FF) {
            return Double.POSITIVE_INFINITY;
        }
        if (biased > 0) {
            return value * Double.longBitsToDouble(biased << 52);
        }
        if (biased < -52) {
            return 0;
        }
        double partly = value * Double.longBitsToDouble((biased + 0x3FE) << 52);
        return partly * Double.longBitsToDouble(1L << 52);
    }
}
