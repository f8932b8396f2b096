package io.otelier.pdata.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints values exactly as upstream's {@code pcommon.Value.AsString} (pdata v1.71) does with Go's strconv and
 * encoding/json: shortest round-trip floats (ES6 style cut-offs), a lone non-finite double as NaN / Infinity /
 * -Infinity, JSON without HTML escaping and with sorted map keys, and an empty string when JSON cannot encode a
 * value (NaN or infinity inside an array or map).
 */
final class GoFormat {

    private GoFormat() {
    }

    /** Thrown inside JSON printing where Go's json.Marshal fails; the caller then prints "". */
    private static final class UnsupportedJsonValue extends RuntimeException {
        UnsupportedJsonValue() {
            super(null, null, false, false);
        }
    }

    static String doubleAsString(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        StringBuilder out = new StringBuilder(24);
        appendJsonNumber(out, value);
        return out.toString();
    }

    static String arrayAsJson(List<AnyValue> values) {
        StringBuilder out = new StringBuilder();
        try {
            appendArray(out, values);
        } catch (UnsupportedJsonValue e) {
            return "";
        }
        return out.toString();
    }

    static String kvListAsJson(List<KeyValue> values) {
        StringBuilder out = new StringBuilder();
        try {
            appendObject(out, values);
        } catch (UnsupportedJsonValue e) {
            return "";
        }
        return out.toString();
    }

    private static void appendValue(StringBuilder out, AnyValue value) {
        switch (value.type()) {
            case EMPTY -> out.append("null");
            case STRING -> appendString(out, value.stringValue());
            case BOOL -> out.append(value.boolValue());
            case INT -> out.append(value.intValue());
            case DOUBLE -> {
                double d = value.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new UnsupportedJsonValue();
                }
                appendJsonNumber(out, d);
            }
            case BYTES -> out.append('"').append(value.asString()).append('"');
            case ARRAY -> appendArray(out, value.arrayValue());
            case KVLIST -> appendObject(out, value.kvListValue());
        }
    }

    private static void appendArray(StringBuilder out, List<AnyValue> values) {
        out.append('[');
        for (int i = 0, n = values.size(); i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendValue(out, values.get(i));
        }
        out.append(']');
    }

    /** Go turns the kvlist into a map (last duplicate wins) and json sorts its keys bytewise (= by code point). */
    private static void appendObject(StringBuilder out, List<KeyValue> values) {
        Map<String, AnyValue> sorted = new TreeMap<>(GoFormat::compareCodePoints);
        for (KeyValue kv : values) {
            sorted.put(kv.key(), kv.value());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, AnyValue> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            appendString(out, entry.getKey());
            out.append(':');
            appendValue(out, entry.getValue());
        }
        out.append('}');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Go's encoding/json string encoding with HTML escaping off (upstream's Encoder.SetEscapeHTML(false)):
     * {@code <>&} stay as they are, while U+2028 and U+2029 are still escaped, as Go always does.
     */
    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else if (Character.isSurrogate(c) && !isPairAt(s, i)) {
                        out.append('\ufffd'); // Go replaces invalid UTF-8; a lone surrogate is the Java analogue
                    } else {
                        out.append(c);
                        if (Character.isHighSurrogate(c)) {
                            out.append(s.charAt(++i));
                        }
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /**
     * A finite double as Go's json encoder (and float64AsString) prints it: the shortest decimal that reads
     * back as the same double, in plain notation unless |v| < 1e-6 or |v| >= 1e21, exponents without padding.
     */
    private static void appendJsonNumber(StringBuilder out, double value) {
        if (value == 0) {
            out.append(1 / value < 0 ? "-0" : "0");
            return;
        }
        if (value < 0) {
            out.append('-');
        }
        double abs = Math.abs(value);
        BigDecimal digits = shortest(abs);
        if (abs < 1e-6 || abs >= 1e21) {
            String unscaled = digits.unscaledValue().toString();
            int exponent = unscaled.length() - 1 - digits.scale();
            out.append(unscaled.charAt(0));
            if (unscaled.length() > 1) {
                out.append('.').append(unscaled, 1, unscaled.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            out.append(Math.abs(exponent)); // positive exponents are >= 21 here; Go's e-09 clean-up leaves e-9
        } else {
            out.append(digits.toPlainString());
        }
    }

    /**
     * The shortest decimal that reads back as {@code abs}, nearest to it among those of its length. Java 17's
     * Double.toString is not always shortest (JDK-4511638), so it only gives the starting length.
     */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        int precision = new BigDecimal(Double.toString(abs)).stripTrailingZeros().precision();
        BigDecimal best = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (best.doubleValue() != abs) {
            best = new BigDecimal(Double.toString(abs));
        }
        while (precision > 1) {
            BigDecimal candidate = exact.round(new MathContext(precision - 1, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() != abs) {
                break;
            }
            best = candidate;
            precision--;
        }
        return best.stripTrailingZeros();
    }
}
