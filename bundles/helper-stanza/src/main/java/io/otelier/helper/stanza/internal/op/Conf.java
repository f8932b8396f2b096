package io.otelier.helper.stanza.internal.op;

import io.otelier.api.config.ConfigException;
import io.otelier.helper.stanza.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operator's raw config map with typed, strict accessors: every key read is remembered, and
 * {@link #finish()} refuses the keys nobody read. Problems become {@link ConfigException}s at
 * {@code operators::<index>::<key>}.
 */
public final class Conf {

    private final Map<String, Object> raw;
    private final String path;
    private final Set<String> read = new HashSet<>();
    private String operator;

    public Conf(Map<String, Object> raw, String path) {
        this.raw = raw == null ? Map.of() : raw;
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Names the operator in expression errors. */
    public void setOperator(String id) {
        this.operator = id;
    }

    public String operator() {
        return operator;
    }

    public ConfigException fail(String key, String problem) {
        return ConfigException.at(key == null ? path : path + "::" + key, problem);
    }

    public boolean has(String key) {
        read.add(key);
        return raw.containsKey(key) && raw.get(key) != null;
    }

    public Object raw(String key) {
        read.add(key);
        return raw.get(key);
    }

    public String string(String key, String dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw fail(key, "expected a string, got " + describe(v));
    }

    public boolean bool(String key, boolean dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw fail(key, "expected a bool, got " + describe(v));
    }

    public long integer(String key, long dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw fail(key, "expected an integer, got " + describe(v));
    }

    public double number(String key, double dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw fail(key, "expected a number, got " + describe(v));
    }

    public Duration duration(String key, Duration dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.longValue() == 0) {
            return Duration.ZERO;
        }
        if (v instanceof String s) {
            try {
                return GoDuration.parse(s);
            } catch (IllegalArgumentException e) {
                throw fail(key, e.getMessage());
            }
        }
        throw fail(key, "expected a duration, got " + describe(v));
    }

    private static final java.util.regex.Pattern BYTE_SIZE =
            java.util.regex.Pattern.compile("^(\\d+\\.?\\d*)\\s*([kKmMgGtTpP]i?[bB])?$");

    /** Upstream's helper.ByteSize: a number, or a string like "1MiB" / "64kb". */
    public long byteSize(String key, long dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        String text = String.valueOf(v).trim();
        java.util.regex.Matcher m = BYTE_SIZE.matcher(text);
        if (!m.matches()) {
            throw fail(key, "invalid byte size '" + text + "'");
        }
        double numeral = Float.parseFloat(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        double multiplier = switch (unit) {
            case "" -> 1;
            case "kb" -> 1e3;
            case "kib" -> 1024;
            case "mb" -> 1e6;
            case "mib" -> 1024.0 * 1024;
            case "gb" -> 1e9;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "tb" -> 1e12;
            case "tib" -> 1024.0 * 1024 * 1024 * 1024;
            case "pb" -> 1e15;
            case "pib" -> 1024.0 * 1024 * 1024 * 1024 * 1024;
            default -> throw fail(key, "invalid unit '" + m.group(2) + "'");
        };
        return (long) (multiplier * numeral);
    }

    /** A field that must name a value; {@code dflt} when absent. */
    public Field field(String key, Field dflt) {
        return field(key, dflt, false);
    }

    /** A field that may be a whole attributes/resource map. */
    public Field rootableField(String key, Field dflt) {
        return field(key, dflt, true);
    }

    private Field field(String key, Field dflt, boolean rootable) {
        String text = string(key, null);
        if (text == null) {
            return dflt;
        }
        try {
            return rootable ? Field.parseRootable(text) : Field.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, value) -> copy.put(String.valueOf(k), value));
            return copy;
        }
        throw fail(key, "expected a map, got " + describe(v));
    }

    public List<Object> list(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw fail(key, "expected a list, got " + describe(v));
    }

    /** A list of strings; a single string is accepted as a one-element list (as upstream's output). */
    public List<String> strings(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw fail(key, "expected a list of strings, got " + describe(v));
                }
                out.add(s);
            }
            return out;
        }
        throw fail(key, "expected a string or a list of strings, got " + describe(v));
    }

    /** A nested section read with its own strict key set. */
    @SuppressWarnings("unchecked")
    public Conf section(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw fail(key, "expected a map, got " + describe(v));
        }
        Conf section = new Conf((Map<String, Object>) v, path + "::" + key);
        section.operator = operator;
        return section;
    }

    /** Accepts keys nobody reads (upstream's WithIgnoreUnused). */
    public void ignoreUnused() {
        read.addAll(raw.keySet());
    }

    /** Refuses any key that no accessor asked for. */
    public void finish() {
        for (String key : raw.keySet()) {
            if (!read.contains(key)) {
                throw fail(key, "has invalid keys: " + key);
            }
        }
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a map";
        }
        if (v instanceof List) {
            return "a list";
        }
        return v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + v;
    }
}
