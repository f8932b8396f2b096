package io.otelier.runtime.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects keys a component recognises but does not implement yet ({@link io.otelier.api.component.Factory#unsupportedKeys()}),
 * so that using one is never a silent no-op and never reported as a typo. A {@code *} segment in a declared
 * key matches any map key or list index ({@code readers::*::periodic}).
 */
final class UnsupportedKeys {

    static final String NOT_SUPPORTED = "is not supported by this distribution yet";

    private UnsupportedKeys() {
    }

    static void reject(Map<?, ?> user, Set<String> unsupported, List<String> path, SourceMap sources) {
        for (String key : unsupported.stream().sorted().toList()) {
            List<String> found = find(user, ConfigPath.split(key), 0, new ArrayList<>());
            if (found != null) {
                List<String> full = ConfigPath.child(path, found.toArray(String[]::new));
                throw ConfigErrors.at(sources, full, NOT_SUPPORTED);
            }
        }
    }

    /** The concrete path of the first match of {@code pattern} in {@code node}, or null. */
    private static List<String> find(Object node, List<String> pattern, int index, List<String> matched) {
        if (index == pattern.size()) {
            return matched;
        }
        String segment = pattern.get(index);
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (segment.equals("*") || segment.equals(key)) {
                    List<String> hit = find(e.getValue(), pattern, index + 1, with(matched, key));
                    if (hit != null) {
                        return hit;
                    }
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (segment.equals("*") || segment.equals(Integer.toString(i))) {
                    List<String> hit = find(list.get(i), pattern, index + 1, with(matched, Integer.toString(i)));
                    if (hit != null) {
                        return hit;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> with(List<String> path, String segment) {
        List<String> out = new ArrayList<>(path);
        out.add(segment);
        return out;
    }
}
