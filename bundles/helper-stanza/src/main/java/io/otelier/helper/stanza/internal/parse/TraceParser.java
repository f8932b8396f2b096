package io.otelier.helper.stanza.internal.parse;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.helper.stanza.internal.expr.GoFloatFormat;

/** The {@code trace} block and the trace_parser operator (upstream {@code helper.TraceParser}). */
public final class TraceParser {

    private final Field traceId;
    private final Field spanId;
    private final Field traceFlags;

    private TraceParser(Field traceId, Field spanId, Field traceFlags) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.traceFlags = traceFlags;
    }

    public static TraceParser read(Conf conf) {
        return new TraceParser(sub(conf, "trace_id"), sub(conf, "span_id"), sub(conf, "trace_flags"));
    }

    private static Field sub(Conf conf, String key) {
        Conf section = conf.section(key);
        Field field = section == null ? null : section.field("parse_from", null);
        if (section != null) {
            section.finish();
        }
        return field == null ? Field.body(key) : field;
    }

    public void parse(Entry entry) {
        StringBuilder problems = new StringBuilder();
        entry.setTraceId(hex(entry, traceId, "trace_id", problems));
        entry.setSpanId(hex(entry, spanId, "span_id", problems));
        entry.setTraceFlags(hex(entry, traceFlags, "trace_flags", problems));
        if (problems.length() > 0) {
            throw new IllegalArgumentException("Error decoding traces for logs" + problems);
        }
    }

    private static byte[] hex(Entry entry, Field field, String name, StringBuilder problems) {
        if (!field.has(entry)) {
            return null;
        }
        Object value = field.get(entry);
        String text = value instanceof Double d ? GoFloatFormat.format(d)
                : value == null ? "<nil>" : value instanceof byte[] b ? new String(b) : String.valueOf(value);
        try {
            return decode(text);
        } catch (IllegalArgumentException e) {
            problems.append(" (").append(name).append(": ").append(e.getMessage()).append(')');
            return null;
        }
    }

    /** Go's hex.DecodeString, with its error messages. */
    static byte[] decode(String s) {
        int n = s.length();
        byte[] out = new byte[n / 2];
        for (int i = 0; i + 1 < n; i += 2) {
            int hi = Character.digit(s.charAt(i), 16);
            int lo = Character.digit(s.charAt(i + 1), 16);
            if (hi < 0 || !isAsciiHex(s.charAt(i))) {
                throw new IllegalArgumentException("encoding/hex: invalid byte: U+" + String.format("%04X", (int) s.charAt(i))
                        + " '" + s.charAt(i) + "'");
            }
            if (lo < 0 || !isAsciiHex(s.charAt(i + 1))) {
                throw new IllegalArgumentException("encoding/hex: invalid byte: U+"
                        + String.format("%04X", (int) s.charAt(i + 1)) + " '" + s.charAt(i + 1) + "'");
            }
            out[i / 2] = (byte) (hi * 16 + lo);
        }
        if (n % 2 == 1) {
            if (!isAsciiHex(s.charAt(n - 1))) {
                throw new IllegalArgumentException("encoding/hex: invalid byte: U+"
                        + String.format("%04X", (int) s.charAt(n - 1)) + " '" + s.charAt(n - 1) + "'");
            }
            throw new IllegalArgumentException("encoding/hex: odd length hex string");
        }
        return out;
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
