package io.otelier.runtime.internal.telemetry;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes log fields as zap's JSON encoder does: compact for {@code json} lines, "spaced" ({@code "k": v, "n": 1})
 * inside {@code console} lines. Durations are float seconds (zap's production SecondsDurationEncoder), instants
 * use the line's timestamp format, maps nest as objects, collections and arrays become JSON arrays.
 */
final class ZapJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Guards against self-containing maps and lists. */
    private static final int MAX_DEPTH = 16;

    private final boolean spaced;

    ZapJson(boolean spaced) {
        this.spaced = spaced;
    }

    /** Appends the alternating key/value pairs as fields; a key without a value gets {@code "!MISSING"}. */
    void appendFields(StringBuilder sb, Object[] fields) {
        if (fields == null) {
            return;
        }
        for (int i = 0; i < fields.length; i += 2) {
            String key = String.valueOf(fields[i]);
            Object value = i + 1 < fields.length ? fields[i + 1] : "!MISSING";
            appendField(sb, key, value);
        }
    }

    void appendField(StringBuilder sb, String key, Object value) {
        separate(sb);
        appendString(sb, key);
        sb.append(':');
        if (spaced) {
            sb.append(' ');
        }
        appendValue(sb, value, 0);
    }

    /** zap's addElementSeparator: a comma unless the buffer is at the start of an object, array or value. */
    void separate(StringBuilder sb) {
        int last = sb.length() - 1;
        if (last < 0) {
            return;
        }
        switch (sb.charAt(last)) {
            case '{', '[', ':', ',', ' ' -> {
            }
            default -> {
                sb.append(',');
                if (spaced) {
                    sb.append(' ');
                }
            }
        }
    }

    private void appendValue(StringBuilder sb, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            appendString(sb, "...");
            return;
        }
        if (value == null) {
            sb.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            appendString(sb, value.toString());
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            sb.append(value);
        } else if (value instanceof Double d) {
            appendFloat(sb, d, GoFloat.formatF(d));
        } else if (value instanceof Float f) {
            appendFloat(sb, f, GoFloat.formatF(f));
        } else if (value instanceof BigDecimal bd) {
            sb.append(bd.toPlainString());
        } else if (value instanceof Duration d) {
            sb.append(GoFloat.formatF(d.getSeconds() + d.getNano() / 1e9));
        } else if (value instanceof Instant instant) {
            appendString(sb, Logging.timestamp(instant));
        } else if (value instanceof Throwable t) {
            appendString(sb, Logging.errorText(t));
        } else if (value instanceof Map<?, ?> map) {
            appendObject(sb, map, depth);
        } else if (value instanceof Iterable<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(list::add);
            appendArray(sb, list, depth);
        } else if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(Array.get(value, i));
            }
            appendArray(sb, list, depth);
        } else {
            appendString(sb, value.toString());
        }
    }

    /** zap writes NaN and the infinities as strings: JSON has no literal for them. */
    private static void appendFloat(StringBuilder sb, double v, String text) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            sb.append('"').append(text).append('"');
        } else {
            sb.append(text);
        }
    }

    private void appendObject(StringBuilder sb, Map<?, ?> map, int depth) {
        Map<?, ?> ordered = map;
        if (!(map instanceof SortedMap) && !(map instanceof LinkedHashMap)) {
            // Unordered maps (Map.of, HashMap) are printed with sorted keys so lines are reproducible.
            java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            ordered = sorted;
        }
        sb.append('{');
        for (Map.Entry<?, ?> e : ordered.entrySet()) {
            separate(sb);
            appendString(sb, String.valueOf(e.getKey()));
            sb.append(':');
            if (spaced) {
                sb.append(' ');
            }
            appendValue(sb, e.getValue(), depth + 1);
        }
        sb.append('}');
    }

    private void appendArray(StringBuilder sb, List<Object> items, int depth) {
        sb.append('[');
        for (Object item : items) {
            separate(sb);
            appendValue(sb, item, depth + 1);
        }
        sb.append(']');
    }

    /** zap's safeAddString: escapes quotes, backslashes and control characters; bad surrogates become U+FFFD. */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        appendEscaped(sb, s);
        sb.append('"');
    }

    static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append("\\ufffd");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
