package io.otelier.receiver.prometheus.internal;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the free-form {@code config} tree with its key path, so every problem names its place
 * ({@code config::scrape_configs::0::relabel_configs::1::action}).
 */
final class ConfigNode {

    static final String NOT_SUPPORTED = "is not supported by this distribution yet";

    private final Object value;
    private final String path;

    ConfigNode(Object value, String path) {
        this.value = value;
        this.path = path;
    }

    String path() {
        return path;
    }

    boolean isNull() {
        return value == null;
    }

    Object raw() {
        return value;
    }

    ConfigException error(String problem) {
        return ConfigException.at(path, problem);
    }

    ConfigNode child(String key) {
        return new ConfigNode(map().get(key), path + "::" + key);
    }

    boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    /** The map, or empty for null. */
    Map<String, Object> map() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw error("expected a map, got " + describe(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    List<ConfigNode> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw error("expected a list, got " + describe(value));
        }
        List<ConfigNode> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(new ConfigNode(l.get(i), path + "::" + i));
        }
        return out;
    }

    /** Rejects keys outside {@code known}, and names {@code unsupported} ones as not supported yet. */
    void checkKeys(Set<String> known, Set<String> unsupported, String what) {
        for (String key : map().keySet()) {
            if (unsupported.contains(key)) {
                throw ConfigException.at(path + "::" + key, NOT_SUPPORTED);
            }
            if (!known.contains(key)) {
                throw ConfigException.at(path + "::" + key, "unknown key in " + what + " (valid keys: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    String string(String def) {
        if (value == null) {
            return def;
        }
        if (value instanceof Map || value instanceof List) {
            throw error("expected a string, got " + describe(value));
        }
        return String.valueOf(value);
    }

    boolean bool(boolean def) {
        if (value == null) {
            return def;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw error("expected a boolean, got " + describe(value));
    }

    long integer(long def, long min) {
        if (value == null) {
            return def;
        }
        long v;
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            v = n.longValue();
        } else if (value instanceof String s) {
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw error("expected an integer, got " + describe(value));
            }
        } else {
            throw error("expected an integer, got " + describe(value));
        }
        if (v < min) {
            throw error("must be at least " + min + " (got " + v + ")");
        }
        return v;
    }

    /** A Prometheus duration; {@code def} when absent. */
    Duration duration(Duration def) {
        if (value == null) {
            return def;
        }
        try {
            return PromDuration.parse(string(""));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(e.getMessage());
        }
    }

    List<String> strings() {
        List<String> out = new ArrayList<>();
        for (ConfigNode n : list()) {
            out.add(n.string(""));
        }
        return out;
    }

    /** A map of strings to strings (labels, headers). */
    Map<String, String> stringMap() {
        Map<String, String> out = new LinkedHashMap<>();
        map().forEach((k, v) -> out.put(k, new ConfigNode(v, path + "::" + k).string("")));
        return out;
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "a map";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(v);
    }
}
