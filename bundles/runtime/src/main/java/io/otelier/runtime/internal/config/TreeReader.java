package io.otelier.runtime.internal.config;

import io.otelier.api.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict reading of the sections the runtime owns (top level, {@code service}): shapes are checked and every
 * key must be known, with errors naming the key path and its origin.
 */
final class TreeReader {

    private final SourceMap sources;

    TreeReader(SourceMap sources) {
        this.sources = sources;
    }

    ConfigException error(List<String> path, String problem) {
        return ConfigErrors.at(sources, path, problem);
    }

    /** A map, or an empty one for an absent/null section. */
    Map<String, Object> map(Object value, List<String> path) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw error(path, "expected a map, got " + ConfigErrors.describe(value));
        }
        return TreeMerger.asTree(value);
    }

    /** A list, or an empty one for an absent/null value. */
    List<?> list(Object value, List<String> path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw error(path, "expected a list, got " + ConfigErrors.describe(value));
        }
        return list;
    }

    String string(Object value, List<String> path) {
        if (!(value instanceof String s)) {
            throw error(path, "expected a string, got " + ConfigErrors.describe(value));
        }
        return s;
    }

    int integer(Object value, List<String> path) {
        if (!(value instanceof Integer i)) {
            throw error(path, "expected an integer, got " + ConfigErrors.describe(value)
                    + (value instanceof Long ? " (out of range)" : ""));
        }
        return i;
    }

    /** Rejects keys outside {@code allowed} (listed in the message) and {@code unsupported} ones as not yet supported. */
    void checkKeys(Map<String, ?> map, List<String> path, List<String> allowed, List<String> unsupported) {
        for (String key : map.keySet()) {
            List<String> keyPath = ConfigPath.child(path, key);
            if (unsupported.contains(key)) {
                throw error(keyPath, UnsupportedKeys.NOT_SUPPORTED);
            }
            if (!allowed.contains(key)) {
                throw error(keyPath, "unknown key (valid keys: " + String.join(", ", allowed) + ")");
            }
        }
    }

    void checkKeys(Map<String, ?> map, List<String> path, List<String> allowed) {
        checkKeys(map, path, allowed, List.of());
    }
}
