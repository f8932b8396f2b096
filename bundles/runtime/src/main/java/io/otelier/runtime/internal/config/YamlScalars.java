package io.otelier.runtime.internal.config;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Types plain (unquoted) YAML scalars by the YAML 1.2 core schema, as Go's yaml.v3 does for upstream —
 * not by snakeyaml's YAML 1.1 rules, under which {@code on}, {@code yes} or {@code 12:30} would silently
 * become booleans and numbers. One deliberate difference: a decimal with a leading zero ({@code 0755}) stays
 * a string, because Go would read it as octal; a field that wants a number then reports it clearly.
 */
final class YamlScalars {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F_]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7_]+");
    private static final Pattern BINARY = Pattern.compile("0b[01_]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private YamlScalars() {
    }

    static Object resolvePlain(String text) {
        switch (text) {
            case "", "~", "null", "Null", "NULL":
                return null;
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            default:
                break;
        }
        if (DECIMAL.matcher(text).matches()) {
            return integer(new BigInteger(text.replace("_", "")));
        }
        if (HEX.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2).replace("_", ""), 16));
        }
        if (OCTAL.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2).replace("_", ""), 8));
        }
        if (BINARY.matcher(text).matches()) {
            return integer(new BigInteger(text.substring(2).replace("_", ""), 2));
        }
        // integers were matched above; what is left needs a fraction or an exponent to be a float
        if (FLOAT.matcher(text).matches() && (text.contains(".") || text.contains("e") || text.contains("E"))) {
            return Double.valueOf(text.replace("_", ""));
        }
        if (INFINITY.matcher(text).matches()) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(text).matches()) {
            return Double.NaN;
        }
        return text;
    }

    /** The smallest of Integer, Long, BigInteger that holds the value, as Jackson expects. */
    private static Object integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }
}
