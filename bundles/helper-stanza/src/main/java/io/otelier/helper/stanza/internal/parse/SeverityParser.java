package io.otelier.helper.stanza.internal.parse;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.Field;
import io.otelier.helper.stanza.internal.op.Conf;
import io.otelier.pdata.logs.SeverityNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code severity} block and the severity_parser operator (upstream {@code helper.SeverityParser}). */
public final class SeverityParser {

    private final Field parseFrom;
    private final Map<String, SeverityNumber> mapping;
    private final boolean overwriteText;

    private SeverityParser(Field parseFrom, Map<String, SeverityNumber> mapping, boolean overwriteText) {
        this.parseFrom = parseFrom;
        this.mapping = mapping;
        this.overwriteText = overwriteText;
    }

    public static SeverityParser read(Conf conf) {
        Field parseFrom = conf.field("parse_from", null);
        String preset = conf.string("preset", "");
        Map<String, Object> configured = conf.map("mapping");
        boolean overwriteText = conf.bool("overwrite_text", false);
        Map<String, SeverityNumber> mapping = builtin(preset);
        if (configured != null) {
            for (Map.Entry<String, Object> e : configured.entrySet()) {
                SeverityNumber severity = find(builtin("aliases"), e.getKey()).severity();
                Object value = e.getValue();
                List<Object> values = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
                for (Object v : values) {
                    for (String key : parseableValues(conf, v)) {
                        mapping.put(key, severity);
                    }
                }
            }
        }
        if (parseFrom == null) {
            throw conf.fail("parse_from", "missing required field 'parse_from'");
        }
        return new SeverityParser(parseFrom, mapping, overwriteText);
    }

    private static List<String> parseableValues(Conf conf, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return List.of(String.valueOf(v));
        }
        if (v instanceof String s) {
            return switch (s) {
                case "2xx" -> range(200, 299);
                case "3xx" -> range(300, 399);
                case "4xx" -> range(400, 499);
                case "5xx" -> range(500, 599);
                default -> List.of(s.toLowerCase(Locale.ROOT));
            };
        }
        if (v instanceof Map<?, ?> m && m.containsKey("min") && m.containsKey("max")
                && isInt(m.get("min")) && isInt(m.get("max"))) {
            return range(((Number) m.get("min")).intValue(), ((Number) m.get("max")).intValue());
        }
        throw conf.fail("mapping", "type " + TypeNames.of(v).replace("int64", "int")
                + " cannot be parsed as a severity");
    }

    private static boolean isInt(Object o) {
        return o instanceof Integer || o instanceof Long;
    }

    private static List<String> range(int min, int max) {
        if (min > max) {
            int t = min;
            min = max;
            max = t;
        }
        List<String> out = new ArrayList<>();
        for (int i = min; i <= max; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }

    /** The presets: {@code none}, {@code otel}/{@code aliases}, and the default (aliases plus warning/err). */
    static Map<String, SeverityNumber> builtin(String preset) {
        Map<String, SeverityNumber> m = new HashMap<>();
        if (preset.equals("none")) {
            return m;
        }
        String[] names = {"trace", "debug", "info", "warn", "error", "fatal"};
        for (int level = 0; level < names.length; level++) {
            for (int sub = 0; sub < 4; sub++) {
                int number = level * 4 + sub + 1;
                SeverityNumber sev = SeverityNumber.fromNumber(number);
                m.put(names[level] + (sub == 0 ? "" : String.valueOf(sub + 1)), sev);
                m.put(String.valueOf(number), sev);
            }
        }
        if (preset.equals("otel") || preset.equals("aliases")) {
            return m;
        }
        for (int sub = 0; sub < 4; sub++) {
            String suffix = sub == 0 ? "" : String.valueOf(sub + 1);
            m.put("warning" + suffix, SeverityNumber.fromNumber(13 + sub));
            m.put("err" + suffix, SeverityNumber.fromNumber(17 + sub));
        }
        return m;
    }

    record Found(SeverityNumber severity, String text) {
    }

    static Found find(Map<String, SeverityNumber> mapping, Object value) {
        String key;
        String text;
        if (value instanceof Integer || value instanceof Long) {
            key = String.valueOf(value);
            text = key;
        } else if (value instanceof Double d) {
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("type float64 cannot be a severity unless it is a whole number");
            }
            key = String.valueOf((long) d.doubleValue());
            text = key;
        } else if (value instanceof String s) {
            key = s.toLowerCase(Locale.ROOT);
            text = s;
        } else if (value instanceof byte[] b) {
            text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            key = text.toLowerCase(Locale.ROOT);
        } else {
            throw new IllegalArgumentException("type " + TypeNames.of(value) + " cannot be a severity");
        }
        SeverityNumber sev = mapping.get(key);
        return new Found(sev == null ? SeverityNumber.UNSPECIFIED : sev, text);
    }

    public void parse(Entry entry) {
        if (!parseFrom.has(entry)) {
            throw new IllegalStateException("log entry does not have the expected parse_from field (parse_from: "
                    + parseFrom + ")");
        }
        Found found;
        try {
            found = find(mapping, parseFrom.get(entry));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parse: " + e.getMessage());
        }
        String text = found.text();
        if (overwriteText && found.severity() != SeverityNumber.UNSPECIFIED) {
            text = found.severity().name();
        }
        entry.setSeverity(found.severity());
        entry.setSeverityText(text);
    }
}
